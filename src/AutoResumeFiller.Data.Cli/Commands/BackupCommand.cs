using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data backup [--name NAME]</c>: a full manual backup, with a live progress bar on a terminal.</summary>
internal static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name")
        {
            Description = "The archive name's prefix: letters, digits, '-', '_', '.' (default: manual).",
            HelpName = "NAME",
            DefaultValueFactory = _ => "manual",
        };
        var command = new Command("backup", "Back up the profile, config.yaml, resumes/ and cover_letters/ to backups/NAME_YYYYMMDD_HHMMSS.zip.") { name };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var manager = context.CreateManager(parseResult);
            var path = await RunAsync(manager, parseResult.GetRequiredValue(name), context.Terminal, cancellationToken).ConfigureAwait(false);
            context.Terminal.Success($"Backup created: {path}");
            context.Terminal.Line($"  {Sizes.Format(new FileInfo(path).Length)}; check it with 'arf-data verify {Path.GetFileName(path)}'");
            LeftOutWarnings.Write(context.Terminal, manager);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Makes the backup, drawing progress only when the output is a terminal.</summary>
    public static async Task<string> RunAsync(UserDataManager manager, string name, Terminal terminal, CancellationToken cancellationToken)
    {
        var bar = terminal.Interactive ? new ProgressBar(terminal.Err) : null;
        try
        {
            return await manager.BackupDataAsync(name, bar, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            bar?.Clear();
        }
    }
}
