using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data;

public sealed partial class UserDataManager
{
    /// <summary>
    /// Writes the full archive of a manual backup (<c>data/user_profile.json</c>, <c>config.yaml</c>, <c>resumes/**</c>,
    /// <c>cover_letters/**</c> and a <c>metadata.json</c> of SHA-256 checksums, kind <c>export</c>) to any path: a USB stick,
    /// a synced folder. Written to a temp file beside it, flushed, then renamed into place, so the file is whole or absent;
    /// 0600 on POSIX. <see cref="VerifyBackup"/> and <see cref="RestoreFromBackup"/> take it from anywhere, on any machine.
    /// A file whose name no backup can hold is left out, logged and listed in <see cref="FilesLeftOutOfLastBackup"/>.
    /// </summary>
    /// <remarks>
    /// With <see cref="UserDataManagerOptions.Encryption"/> on, the export is encrypted whole like every backup (resumes,
    /// letters and <c>config.yaml</c> included), so its name must end with <c>.zip.enc</c>, and restoring it needs this
    /// data directory's key; a plain <c>.zip</c> name is refused rather than writing the user's files in the clear.
    /// With encryption off, a <c>.enc</c> name is refused.
    /// </remarks>
    /// <param name="archivePath">The file to create (its folder must exist; the file must not).</param>
    /// <param name="progress">Receives bytes and files done as the export proceeds.</param>
    /// <returns>The archive's full path.</returns>
    /// <exception cref="ArgumentException"><paramref name="archivePath"/> is empty, names an existing file or folder (never replaced), its folder does not exist, or its extension does not match the encryption setting.</exception>
    /// <exception cref="ProfileNotFoundException">There is no profile to export.</exception>
    /// <exception cref="InsufficientDiskSpaceException">The files do not fit on the target's drive.</exception>
    /// <exception cref="DataAccessDeniedException">The target folder is not writable.</exception>
    /// <exception cref="DataLockTimeoutException">A writer holds the lock too long.</exception>
    public string ExportData(string archivePath, IProgress<BackupProgress>? progress = null)
    {
        var target = CheckExportTarget(archivePath);
        EnsureProfileFolderExists();
        using (_lock.Acquire(exclusive: false))
        {
            return ExportLocked(target, progress, CancellationToken.None);
        }
    }

    /// <summary>Exports like <see cref="ExportData"/>; the lock wait does not block a thread.</summary>
    /// <param name="archivePath">The file to create (its folder must exist; the file must not).</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Cancels the export; a cancelled export leaves no file behind.</param>
    /// <returns>The archive's full path.</returns>
    /// <exception cref="ArgumentException"><paramref name="archivePath"/> is empty, names an existing file or folder, its folder does not exist, or its extension does not match the encryption setting (see <see cref="ExportData"/>).</exception>
    /// <exception cref="ProfileNotFoundException">There is no profile to export.</exception>
    /// <exception cref="InsufficientDiskSpaceException">The files do not fit on the target's drive.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string> ExportDataAsync(string archivePath, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = CheckExportTarget(archivePath);
        EnsureProfileFolderExists();
        using (await _lock.AcquireAsync(exclusive: false, cancellationToken).ConfigureAwait(false))
        {
            return await Task.Run(() => ExportLocked(target, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    private string CheckExportTarget(string archivePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        var target = _fileSystem.Path.GetFullPath(DataDirectoryResolver.ExpandHome(archivePath, _platform));
        var encryptedName = DataEncryption.IsEncryptedName(target);
        if (_encryption.IsEnabled && !encryptedName)
        {
            throw new ArgumentException($"Encryption is on, so an export is encrypted like every backup: name it '{target}.enc' (restoring it needs this data directory's encryption key).", nameof(archivePath));
        }

        if (!_encryption.IsEnabled && encryptedName)
        {
            throw new ArgumentException($"'{target}' names an encrypted archive, but encryption is off: name the export '{target[..^DataEncryption.Suffix.Length]}'.", nameof(archivePath));
        }

        if (_fileSystem.File.Exists(target) || _fileSystem.Directory.Exists(target))
        {
            throw BackupStore.ExportTargetExists(target);
        }

        var folder = _fileSystem.Path.GetDirectoryName(target);
        if (folder is null || !_fileSystem.Directory.Exists(folder))
        {
            throw new ArgumentException($"The folder of '{target}' does not exist; create it first, or choose another place for the export.", nameof(archivePath));
        }

        return target;
    }

    private string ExportLocked(string target, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        if (!ProfileToBackUpExists())
        {
            throw new ProfileNotFoundException(_layout.ProfilePath);
        }

        try
        {
            return RecordLeftOut(_backups.CreateExport(target, progress, cancellationToken));
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, target, "exporting to");
        }
    }
}
