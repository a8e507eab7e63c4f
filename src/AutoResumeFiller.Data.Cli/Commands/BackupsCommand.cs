using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data backups [--json]</c>: the backups, newest first.</summary>
internal static class BackupsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array (file_name, name, kind, created_at, size_bytes, path) for scripts." };
        var command = new Command("backups", "List the backups, newest first: name, kind, creation time (UTC) and size.") { json };
        command.SetAction(parseResult =>
        {
            var manager = context.CreateManager(parseResult);
            var backups = manager.ListAvailableBackups();
            if (parseResult.GetValue(json))
            {
                BackupTable.WriteJson(context.Terminal.Out, backups);
            }
            else
            {
                BackupTable.Write(context.Terminal, backups, manager.BackupsDirectory);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
