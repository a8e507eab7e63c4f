using System.CommandLine;
using System.Globalization;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data verify BACKUP</c>: checks an archive's checksums, names and profile; lists every problem.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var backup = BackupArgument.Create("The archive to check");
        var command = new Command("verify", "Check a backup (checksums, safe names, size limits, valid profile); exits with 3 when it has any problem.") { backup };
        command.SetAction(parseResult =>
        {
            var manager = context.CreateManager(parseResult);
            var result = manager.VerifyBackup(parseResult.GetRequiredValue(backup));
            var terminal = context.Terminal;
            if (result.IsValid)
            {
                var kind = result.Kind is { } k ? BackupTable.KindName(k) : "unknown";
                var files = result.FilesChecked == 1 ? "file" : "files";
                terminal.Success(string.Create(CultureInfo.InvariantCulture, $"Valid: {result.BackupPath} ({result.FilesChecked} {files} checked, kind {kind})"));
                WriteWarnings(terminal, result);
                return ExitCodes.Success;
            }

            var noun = result.Problems.Count == 1 ? "problem" : "problems";
            terminal.Failure(string.Create(CultureInfo.InvariantCulture, $"Invalid: {result.BackupPath} ({result.Problems.Count} {noun})"));
            foreach (var problem in result.Problems)
            {
                terminal.Line($"  - {problem}");
            }

            return ExitCodes.DataError;
        });
        return command;
    }

    /// <summary>Says what a restore of this archive would do differently (a redacted config.yaml kept aside).</summary>
    public static void WriteWarnings(Terminal terminal, BackupVerification result)
    {
        foreach (var warning in result.Warnings)
        {
            terminal.Line($"  {terminal.Paint("warning:", Style.Yellow)} {warning}");
        }
    }
}
