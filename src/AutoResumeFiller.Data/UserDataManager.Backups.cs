using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;

namespace AutoResumeFiller.Data;

public sealed partial class UserDataManager
{
    /// <summary>
    /// Makes a full backup, <c>backups/{backupName}_YYYYMMDD_HHMMSS.zip</c>, of <c>data/user_profile.json</c>,
    /// <c>config.yaml</c>, <c>resumes/**</c> and <c>cover_letters/**</c>, with a <c>metadata.json</c> of SHA-256
    /// checksums (and the parts that were missing). Streamed file by file under the shared lock; already
    /// compressed files (pdf, docx, png…) are stored, the rest deflated. A file whose name no backup can hold is left out,
    /// logged and listed in <see cref="FilesLeftOutOfLastBackup"/>.
    /// </summary>
    /// <param name="backupName">The name's prefix: letters, digits, <c>-</c>, <c>_</c>, <c>.</c>; at most 100 characters.</param>
    /// <param name="progress">Receives bytes and files done as the backup proceeds.</param>
    /// <returns>The archive's full path.</returns>
    /// <exception cref="ArgumentException"><paramref name="backupName"/> is empty, too long, reserved, or has separators, <c>..</c> or invalid characters.</exception>
    /// <exception cref="ProfileNotFoundException">There is no profile to back up.</exception>
    /// <exception cref="InsufficientDiskSpaceException">The files plus <see cref="UserDataManagerOptions.MinimumFreeDiskSpaceBytes"/> do not fit.</exception>
    /// <exception cref="DataLockTimeoutException">A writer holds the lock too long.</exception>
    public string BackupData(string backupName = BackupNaming.DefaultManualName, IProgress<BackupProgress>? progress = null)
    {
        BackupNaming.ValidateManualName(backupName);
        EnsureProfileFolderExists();
        using (_lock.Acquire(exclusive: false))
        {
            return CreateManualBackupLocked(backupName, progress, CancellationToken.None);
        }
    }

    /// <summary>Makes a full backup like <see cref="BackupData"/>; the lock wait does not block a thread.</summary>
    /// <param name="backupName">The name's prefix.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the backup; a cancelled backup leaves no file behind.</param>
    /// <returns>The archive's full path.</returns>
    /// <exception cref="ArgumentException"><paramref name="backupName"/> is invalid.</exception>
    /// <exception cref="ProfileNotFoundException">There is no profile to back up.</exception>
    /// <exception cref="InsufficientDiskSpaceException">Not enough free space.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string> BackupDataAsync(string backupName = BackupNaming.DefaultManualName, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        BackupNaming.ValidateManualName(backupName);
        EnsureProfileFolderExists();
        using (await _lock.AcquireAsync(exclusive: false, cancellationToken).ConfigureAwait(false))
        {
            return await Task.Run(() => CreateManualBackupLocked(backupName, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Lists the backups in <see cref="BackupsDirectory"/>, newest first (by the time in their names), ignoring temp and foreign files.</summary>
    /// <returns>The backups; empty when there are none.</returns>
    /// <exception cref="DataAccessDeniedException">The backups folder cannot be read.</exception>
    public IReadOnlyList<BackupInfo> ListAvailableBackups()
    {
        var started = _time.GetTimestamp();
        try
        {
            var backups = _backups.List();
            Log.BackupsListed(_logger, backups.Count, _layout.BackupsFolder, _time.GetElapsedTime(started).TotalMilliseconds);
            return backups;
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, _layout.BackupsFolder, "listing");
        }
    }

    /// <summary>
    /// Checks a backup archive: every entry present with the size and SHA-256 in its <c>metadata.json</c>, names
    /// relative and inside the data layout, no duplicates or links, sizes within limits, and the profile valid.
    /// Never throws for a bad archive: the problems are returned.
    /// </summary>
    /// <param name="backupPath">The archive: a path, or a file name inside <see cref="BackupsDirectory"/>.</param>
    /// <returns>Every problem found; <see cref="BackupVerification.IsValid"/> when there is none.</returns>
    /// <exception cref="ArgumentException"><paramref name="backupPath"/> is empty.</exception>
    public BackupVerification VerifyBackup(string backupPath)
    {
        var started = _time.GetTimestamp();
        var path = ResolveBackupPath(backupPath);
        var result = NewVerifier().Verify(path);
        Log.BackupVerified(_logger, path, result.Problems.Count, _time.GetElapsedTime(started).TotalMilliseconds);
        return new BackupVerification(path, result.Problems)
        {
            FilesChecked = result.Metadata?.Files.Count ?? 0,
            Kind = result.Kind,
            Warnings = RestoreWarnings(result),
        };
    }

    /// <summary>
    /// Restores from a backup under the exclusive lock: verifies it first (a bad archive changes nothing), takes a
    /// <c>pre_restore_YYYYMMDD_HHMMSS.zip</c> backup of the current state, then replaces the profile atomically
    /// and, for a full backup, makes <c>config.yaml</c>, <c>resumes/</c> and <c>cover_letters/</c> match it. The newest
    /// <see cref="UserDataManagerOptions.MaxPreRestoreBackups"/> pre-restore backups are kept; older ones are deleted.
    /// </summary>
    /// <param name="backupPath">The archive: a path, or a file name inside <see cref="BackupsDirectory"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="backupPath"/> is empty.</exception>
    /// <exception cref="InvalidBackupException">The archive failed verification; nothing was changed.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    /// <exception cref="InsufficientDiskSpaceException">Not enough free space for the pre-restore backup or the files (an archive that does not fit the drive at all is an <see cref="InvalidBackupException"/> holding this one).</exception>
    public void RestoreFromBackup(string backupPath)
    {
        var started = _time.GetTimestamp();
        var path = ResolveBackupPath(backupPath);
        Guard(_layout.Root, "preparing", EnsureLayout);
        using (_lock.Acquire(exclusive: true))
        {
            RestoreLocked(path, started, CancellationToken.None);
        }
    }

    /// <summary>Restores like <see cref="RestoreFromBackup"/>; the lock wait does not block a thread.</summary>
    /// <param name="backupPath">The archive: a path, or a file name inside <see cref="BackupsDirectory"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock; once files are being replaced the restore completes.</param>
    /// <returns>A task that completes when the restore is done.</returns>
    /// <exception cref="ArgumentException"><paramref name="backupPath"/> is empty.</exception>
    /// <exception cref="InvalidBackupException">The archive failed verification; nothing was changed.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before anything changed.</exception>
    public async Task RestoreFromBackupAsync(string backupPath, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var path = ResolveBackupPath(backupPath);
        Guard(_layout.Root, "preparing", EnsureLayout);
        using (await _lock.AcquireAsync(exclusive: true, cancellationToken).ConfigureAwait(false))
        {
            await Task.Run(() => RestoreLocked(path, started, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Verification refuses an archive larger than the drive can take (DESIGN §5) like any other; when that is its only
    /// problem the backup is sound, and the refusal carries the free-space error, so the caller can free space and retry.
    /// </summary>
    private InsufficientDiskSpaceException? DoesNotFitOnly(BackupVerifier.Result verification)
    {
        if (!verification.DoesNotFit || verification.Problems.Count != 1)
        {
            return null;
        }

        try
        {
            _diskSpace.EnsureAvailable(_layout.Root, verification.ExpandedBytes + _options.MinimumFreeDiskSpaceBytes);
            return null; // space was freed since verification: the problem stands, without a disk error to point at
        }
        catch (InsufficientDiskSpaceException ex)
        {
            return ex;
        }
    }

    private string CreateManualBackupLocked(string backupName, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        if (!ProfileToBackUpExists())
        {
            throw new ProfileNotFoundException(_layout.ProfilePath);
        }

        try
        {
            return RecordLeftOut(_backups.CreateFull(BackupKind.Manual, backupName, progress, cancellationToken));
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, _layout.BackupsFolder, "backing up to");
        }
    }

    private void RestoreLocked(string path, long started, CancellationToken cancellationToken)
    {
        AuthenticateEncryptedArchive(path);
        var verification = NewVerifier().Verify(path);
        if (verification.Problems.Count > 0 || verification.Metadata is null || verification.Kind is not { } kind)
        {
            Log.RestoreRefused(_logger, path, string.Join("; ", verification.Problems));
            throw DoesNotFitOnly(verification) is { } diskFull
                ? new InvalidBackupException(path, verification.Problems, diskFull)
                : new InvalidBackupException(path, verification.Problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            RemoveStaleTempFiles();
            var preRestore = _backups.CreateFull(BackupKind.PreRestore, BackupNaming.PreRestorePrefix, null, CancellationToken.None).Path;
            var keepConfig = KeepsCurrentConfig(verification);
            if (keepConfig)
            {
                Log.RedactedConfigKept(_logger, path);
            }

            // Verified against the free space before the pre-restore backup took its share: checked again before writing.
            _diskSpace.EnsureAvailable(_layout.DataFolder, verification.TotalBytes + _options.MinimumFreeDiskSpaceBytes);
            new BackupRestorer(_fileSystem, _layout, _writer, _permissions, _encryption, _logger).Restore(path, verification.Metadata, kind, keepConfig);
            LastPreRestoreBackupPath = preRestore;
            _backups.RotatePreRestoreBackups();
            Log.BackupRestored(_logger, path, preRestore, _time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, _layout.Root, "restoring into");
        }
    }

    /// <summary>Gets the pre-restore backup taken by this manager's most recent successful restore (restore it to undo), or <see langword="null"/>.</summary>
    public string? LastPreRestoreBackupPath { get; private set; }

    /// <summary>A verifier that also refuses content larger than the data directory's drive can take beyond the free space to keep.</summary>
    private BackupVerifier NewVerifier() =>
        new(_fileSystem, new ArchiveSizeLimits(_diskSpace.TryGetAvailable(_layout.Root) is { } free ? new ArchiveSizeLimits.DiskRoom(free, _options.MinimumFreeDiskSpaceBytes) : null), _encryption);

    private string ResolveBackupPath(string backupPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupPath);

        // A bare file name means a backup in the backups folder (or, failing that, in the current folder);
        // anything with a folder part is taken as given.
        var isBareName = backupPath.IndexOfAny(['/', '\\']) < 0 && _fileSystem.Path.GetFileName(backupPath) == backupPath;
        if (isBareName)
        {
            var inBackups = _fileSystem.Path.Combine(_layout.BackupsFolder, backupPath);
            if (_fileSystem.File.Exists(inBackups) || !_fileSystem.File.Exists(backupPath))
            {
                return inBackups;
            }
        }

        return _fileSystem.Path.GetFullPath(backupPath);
    }
}
