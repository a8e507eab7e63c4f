using System.CommandLine;
using AutoResumeFiller.Data.Cli.Commands;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli;

/// <summary>Builds the command tree, runs it, and maps every outcome to a documented exit code.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("arf-data: inspect, validate, import, back up, export, restore and watch AutoResumeFiller user data, and bring in the Python app's.")
        {
            context.DataDir,
            context.LockTimeout,
            context.KeyFile,
            InitCommand.Create(context),
            ShowCommand.Create(context),
            ValidateCommand.Create(context),
            ImportCommand.Create(context),
            BackupCommand.Create(context),
            ExportCommand.Create(context),
            MigrateCommand.Create(context),
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

        TerminationSignals? signals = null;
        try
        {
            var parseResult = BuildRoot(new CliContext(terminal)).Parse(args);

            // System.CommandLine's own signal handling is off for every command: watch handles SIGINT/SIGTERM itself
            // (a signal is how it ends successfully), and the others get TerminationSignals, which cancels their token
            // and waits for them to clean up (see its remarks for why the built-in handling cannot do that).
            invocation.ProcessTerminationTimeout = null;
            if (parseResult.CommandResult.Command.Name != WatchCommand.Name)
            {
                signals = new TerminationSignals();
            }

            var code = await parseResult.InvokeAsync(invocation, signals?.Token ?? default).ConfigureAwait(false);
            return parseResult.Errors.Count > 0 ? ExitCodes.Usage : code;
        }
#pragma warning disable CA1031 // The one place every failure becomes a message and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var code = ErrorReporter.Report(ex, terminal);

            // Cancelled by a signal: 130 for Ctrl+C (SIGINT), 143 for SIGTERM, as a shell reports a process they end.
            return ex is OperationCanceledException && signals?.ExitCode is { } signalCode ? signalCode : code;
        }
        finally
        {
            signals?.Dispose();
        }
    }
}
