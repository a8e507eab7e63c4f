using System.CommandLine;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data restore BACKUP</c>: verifies, takes a pre-restore backup, then restores; prints how to undo.</summary>
internal static class RestoreCommand
{
    public static Command Create(CliContext context)
    {
        var backup = BackupArgument.Create("The archive to restore");
        var command = new Command("restore", "Restore from a backup after verifying it; the current state is saved first in a pre_restore backup.") { backup };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var manager = context.CreateManager(parseResult);
            var source = parseResult.GetRequiredValue(backup);

            // Said before anything happens; the restore verifies the archive again under its lock.
            VerifyCommand.WriteWarnings(context.Terminal, manager.VerifyBackup(source));
            await manager.RestoreFromBackupAsync(source, cancellationToken).ConfigureAwait(false);
            var undo = manager.LastPreRestoreBackupPath
                ?? throw new InvalidOperationException("The restore finished without recording its pre-restore backup.");
            var terminal = context.Terminal;
            terminal.Success($"Restored from {source}");
            terminal.Line($"  Pre-restore backup: {undo}");
            terminal.Line($"  To undo, run: {context.CommandPrefix(parseResult)} restore {Path.GetFileName(undo)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
