using System.CommandLine;
using AutoResumeFiller.Data.Cli.Commands;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli;

/// <summary>Builds the command tree, runs it, and maps every outcome to a documented exit code.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("arf-data: inspect, validate, import, back up, restore and watch AutoResumeFiller user data.")
        {
            context.DataDir,
            context.LockTimeout,
            context.KeyFile,
            InitCommand.Create(context),
            ShowCommand.Create(context),
            ValidateCommand.Create(context),
            ImportCommand.Create(context),
            BackupCommand.Create(context),
            BackupsCommand.Create(context),
            VerifyCommand.Create(context),
            RestoreCommand.Create(context),
            WatchCommand.Create(context),
            DemoCommand.Create(context),
            EncryptCommand.Create(context),
            RotateKeyCommand.Create(context),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, Terminal terminal)
    {
        var invocation = new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Err,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            var parseResult = BuildRoot(new CliContext(terminal)).Parse(args);
            if (parseResult.CommandResult.Command.Name == WatchCommand.Name)
            {
                // A signal is how a watch ends successfully; System.CommandLine would turn it into 130/143.
                invocation.ProcessTerminationTimeout = null;
            }

            var code = await parseResult.InvokeAsync(invocation).ConfigureAwait(false);
            return parseResult.Errors.Count > 0 ? ExitCodes.Usage : code;
        }
#pragma warning disable CA1031 // The one place every failure becomes a message and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(ex, terminal);
        }
    }
}
