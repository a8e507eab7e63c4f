using System.CommandLine;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary>The BACKUP argument shared by <c>verify</c> and <c>restore</c>.</summary>
internal static class BackupArgument
{
    public static Argument<string> Create(string what) => new("BACKUP")
    {
        Description = what + ": a file name in the backups folder (see 'arf-data backups') or a relative or absolute path.",
    };
}
