namespace AutoResumeFiller.Data.Backups;

/// <summary>The Python app's JSON backups, imported as auto backup archives (DESIGN §8). Callers hold the exclusive lock.</summary>
internal sealed partial class BackupStore
{
    /// <summary>
    /// Writes <paramref name="sourcePath"/> (a profile, byte for byte) as an auto backup archive named from
    /// <paramref name="createdAt"/>, atomically like every backup; its metadata's <c>source_path</c> names the file it came from.
    /// Not rotated here: see <see cref="RotateAllAutoBackups"/>.
    /// </summary>
    /// <returns>The archive's path.</returns>
    public string ImportAutoBackup(string sourcePath, DateTime createdAt)
    {
        var started = time.GetTimestamp();
        var length = fileSystem.FileInfo.New(sourcePath).Length;
        var (tempPath, stamped) = WriteArchiveTemp(
            BackupKind.Auto,
            BackupNaming.AutoPrefix,
            new Contents([new Source(sourcePath, BackupEntryNames.AutoProfile, length)], [], []),
            null,
            CancellationToken.None,
            archive: new ArchiveTarget(null, createdAt, sourcePath));
        var path = CommitArchive(tempPath, BackupNaming.AutoPrefix, stamped, ListNamed(BackupNaming.AutoPrefix));
        Logging.Log.AutoBackupCreated(logger, path, time.GetElapsedTime(started).TotalMilliseconds);
        return path;
    }

    /// <summary>
    /// The auto backup made at <paramref name="createdAt"/> (to the second) whose profile has SHA-256 <paramref name="sha256"/>,
    /// as its metadata records; null when there is none. Finds an import that a crash interrupted after its archive was written.
    /// </summary>
    /// <remarks>
    /// Each candidate (an archive of that second: one or two) is read through the verifier, which decrypts a <c>.zip.enc</c>
    /// with this store's keys and checks the recorded checksum against the content: only a whole archive that holds exactly
    /// that profile counts as the import already done.
    /// </remarks>
    public string? FindAutoBackup(DateTime createdAt, string sha256)
    {
        var second = TruncateToSeconds(createdAt);
        var verifier = new BackupVerifier(fileSystem, new ArchiveSizeLimits(null), encryption);
        return ListNamed(BackupNaming.AutoPrefix)
            .Where(b => b.CreatedAt == second)
            .FirstOrDefault(b => verifier.Verify(b.Path) is { Problems.Count: 0, Metadata: { } metadata }
                && metadata.Files.Any(f => f.Path == BackupEntryNames.AutoProfile && string.Equals(f.Sha256, sha256, StringComparison.OrdinalIgnoreCase)))
            ?.Path;
    }

    /// <summary>Deletes the oldest auto backups beyond <see cref="UserDataManagerOptions.MaxAutoBackups"/> (never throws).</summary>
    public void RotateAllAutoBackups() => RotateAutoBackups(new AutoBackups(ListNamed(BackupNaming.AutoPrefix)));
}
