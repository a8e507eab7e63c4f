using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Logging;

/// <summary>
/// Log messages about files whose names no backup can hold (event ids 40–49): a <c>:</c>, <c>\</c> or control character, or
/// a part ending in <c>.</c> or a space. Such names are legal on Linux and macOS; backups leave these files out, restores
/// leave them in place, and the legacy import does not copy them.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "The {Kind} backup leaves out {Path}: {Reason}, and a backup holds only names every system can restore. Rename the file to have it backed up")]
    public static partial void BackupLeftOutFile(ILogger logger, BackupKind kind, string path, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Restore from {BackupPath} left {Path} as it was: {Reason}, so no backup can hold it")]
    public static partial void RestoreKeptUnstorableFile(ILogger logger, string backupPath, string path, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Did not copy the Python app's file {Path}: {Reason}, and a backup could not hold it. Rename it in the Python app's folder and import again")]
    public static partial void LegacyFileSkipped(ILogger logger, string path, string reason);
}
