using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Logging;

/// <summary>Every log message of the library, source-generated, with stable event ids (do not renumber).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Initialized data directory {DataDirectory} in {ElapsedMs:0.###} ms (profile created: {ProfileCreated})")]
    public static partial void DataDirectoryInitialized(ILogger logger, string dataDirectory, bool profileCreated, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Loaded profile {ProfilePath} ({Bytes} bytes) in {ElapsedMs:0.###} ms")]
    public static partial void ProfileLoaded(ILogger logger, string profilePath, long bytes, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Saved profile {ProfilePath} ({Bytes} bytes) in {ElapsedMs:0.###} ms")]
    public static partial void ProfileSaved(ILogger logger, string profilePath, long bytes, double elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Profile {ProfilePath} is corrupted: {Reason}")]
    public static partial void ProfileCorrupted(ILogger logger, string profilePath, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Profile {ProfilePath} is invalid ({ErrorCount} errors)")]
    public static partial void ProfileInvalid(ILogger logger, string profilePath, int errorCount);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Timed out after {ElapsedMs:0.###} ms waiting for the {Exclusive} lock on {LockPath}")]
    public static partial void LockTimedOut(ILogger logger, string lockPath, bool exclusive, double elapsedMs);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Replacing {Target} failed (attempt {Attempt}); retrying")]
    public static partial void ReplaceRetried(ILogger logger, string target, int attempt, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Could not flush folder {Directory} to disk")]
    public static partial void DirectoryFlushFailed(ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Could not delete temp file {Path}")]
    public static partial void TempFileCleanupFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Removed stale temp file {Path} left by an interrupted write")]
    public static partial void StaleTempFileRemoved(ILogger logger, string path);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Free disk space of {Path} is unknown; skipping the check")]
    public static partial void FreeSpaceUnknown(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Could not set permissions {Mode} on {Path}")]
    public static partial void PermissionsNotApplied(ILogger logger, string path, UnixFileMode mode, Exception exception);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Folder {Path} of the data directory cannot be used ({Reason}); going on without it")]
    public static partial void OptionalFolderUnusable(ILogger logger, string path, string reason, Exception exception);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "Could not look for stale temp files in {Path}")]
    public static partial void StaleTempFileSweepFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 19, Level = LogLevel.Information, Message = "Made {Path} private to the current user (protected ACL: the user and SYSTEM only)")]
    public static partial void AclTightened(ILogger logger, string path);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Could not make the ACL of {Path} private to the current user")]
    public static partial void AclNotApplied(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Created automatic backup {BackupPath} in {ElapsedMs:0.###} ms")]
    public static partial void AutoBackupCreated(ILogger logger, string backupPath, double elapsedMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Automatic backup before saving failed; the save goes on without it")]
    public static partial void AutoBackupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Deleted old automatic backup {BackupPath} (keeping the newest {Keep})")]
    public static partial void AutoBackupRotated(ILogger logger, string backupPath, int keep);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Created {Kind} backup {BackupPath}: {Files} files, {Bytes} bytes in {ElapsedMs:0.###} ms")]
    public static partial void BackupCreated(ILogger logger, BackupKind kind, string backupPath, int files, long bytes, double elapsedMs);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Verified backup {BackupPath}: {ProblemCount} problems in {ElapsedMs:0.###} ms")]
    public static partial void BackupVerified(ILogger logger, string backupPath, int problemCount, double elapsedMs);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Restored from {BackupPath} (undo with {PreRestorePath}) in {ElapsedMs:0.###} ms")]
    public static partial void BackupRestored(ILogger logger, string backupPath, string preRestorePath, double elapsedMs);

    [LoggerMessage(EventId = 26, Level = LogLevel.Warning, Message = "Refused to restore from {BackupPath}: {Problems}")]
    public static partial void RestoreRefused(ILogger logger, string backupPath, string problems);

    [LoggerMessage(EventId = 27, Level = LogLevel.Warning, Message = "Could not delete old {Kind} backup {BackupPath}")]
    public static partial void BackupRotationFailed(ILogger logger, BackupKind kind, string backupPath, Exception exception);

    [LoggerMessage(EventId = 28, Level = LogLevel.Information, Message = "Deleted old pre-restore backup {BackupPath} (keeping the newest {Keep})")]
    public static partial void PreRestoreBackupRotated(ILogger logger, string backupPath, int keep);

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Imported the Python app's data from {LegacyDirectory} in {ElapsedMs:0.###} ms: profile {Profile}, {BackupsImported} backups imported ({BackupsSkipped} skipped), {FilesCopied} files copied ({FilesKept} kept as they were)")]
    public static partial void LegacyDataImported(ILogger logger, string legacyDirectory, LegacyProfileOutcome profile, int backupsImported, int backupsSkipped, int filesCopied, int filesKept, double elapsedMs);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "Skipped the Python app's backup {BackupPath}: {Reason}")]
    public static partial void LegacyBackupSkipped(ILogger logger, string backupPath, string reason);

    [LoggerMessage(EventId = 62, Level = LogLevel.Information, Message = "Initialization found the Python app's profile in {LegacyDirectory}: importing it instead of creating an empty profile")]
    public static partial void LegacyImportOnInitialize(ILogger logger, string legacyDirectory);

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "Restore from {BackupPath} keeps the current config.yaml: the archive's copy had its API keys redacted")]
    public static partial void RedactedConfigKept(ILogger logger, string backupPath);

    [LoggerMessage(EventId = 64, Level = LogLevel.Warning, Message = "Initialization's import from {LegacyDirectory} brought no profile (profile: {Outcome}); created the empty profile so that one exists")]
    public static partial void LegacyImportLeftNoProfile(ILogger logger, string legacyDirectory, string outcome);

    [LoggerMessage(EventId = 70, Level = LogLevel.Debug, Message = "Watching profile {ProfilePath} ({Mode})")]
    public static partial void WatchStarted(ILogger logger, string profilePath, Watching.ProfileWatchMode mode);

    [LoggerMessage(EventId = 71, Level = LogLevel.Information, Message = "Watching profile {ProfilePath} by polling every {IntervalMs:0.###} ms: {Reason}")]
    public static partial void WatchPolling(ILogger logger, string profilePath, string reason, double intervalMs);

    [LoggerMessage(EventId = 72, Level = LogLevel.Warning, Message = "File-system events for {ProfilePath} failed; polling every {IntervalMs:0.###} ms from now on")]
    public static partial void WatchFellBackToPolling(ILogger logger, string profilePath, double intervalMs, Exception exception);

    [LoggerMessage(EventId = 73, Level = LogLevel.Error, Message = "A profile change callback for {ProfilePath} threw; the watch goes on")]
    public static partial void WatchCallbackFailed(ILogger logger, string profilePath, Exception exception);

    [LoggerMessage(EventId = 74, Level = LogLevel.Debug, Message = "Stopped watching profile {ProfilePath}")]
    public static partial void WatchStopped(ILogger logger, string profilePath);
}
