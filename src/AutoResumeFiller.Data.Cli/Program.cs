using AutoResumeFiller.Data.Cli;
using AutoResumeFiller.Data.Cli.Output;

return await CliApp.RunAsync(args, Terminal.FromConsole()).ConfigureAwait(false);
