using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;

namespace AutoResumeFiller.Data;

public sealed partial class UserDataManager
{
    /// <summary>The largest profile file the library reads (a real profile is tens of kilobytes).</summary>
    internal const int MaxProfileBytes = 32 * 1024 * 1024;

    /// <summary>Loads and validates the profile under a shared lock. Nothing on disk changes.</summary>
    /// <returns>The profile; <see cref="UserProfile.LastUpdated"/> is as stored.</returns>
    /// <exception cref="ProfileNotFoundException">There is no profile; call <see cref="InitializeDataDirectory"/>.</exception>
    /// <exception cref="ProfileCorruptedException">The file is not valid JSON of the profile's shape; the exception lists the backups.</exception>
    /// <exception cref="ProfileValidationException">The profile breaks validation rules; all are listed.</exception>
    /// <exception cref="DataLockTimeoutException">A writer holds the lock longer than <see cref="UserDataManagerOptions.LockTimeout"/>.</exception>
    /// <exception cref="DataAccessDeniedException">The file or lock file cannot be opened.</exception>
    public UserProfile LoadUserProfile()
    {
        var started = _time.GetTimestamp();
        EnsureProfileFolderExists();
        byte[] bytes;
        using (_lock.Acquire(exclusive: false))
        {
            bytes = ReadProfileBytes();
        }

        return ParseLoaded(bytes, started);
    }

    /// <summary>Loads and validates the profile; the lock wait does not block a thread.</summary>
    /// <param name="cancellationToken">Cancels the wait for the lock and the read.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ProfileNotFoundException">There is no profile.</exception>
    /// <exception cref="ProfileCorruptedException">The file is not valid JSON of the profile's shape.</exception>
    /// <exception cref="ProfileValidationException">The profile breaks validation rules.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<UserProfile> LoadUserProfileAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        EnsureProfileFolderExists();
        byte[] bytes;
        using (await _lock.AcquireAsync(exclusive: false, cancellationToken).ConfigureAwait(false))
        {
            bytes = await ReadProfileBytesAsync(cancellationToken).ConfigureAwait(false);
        }

        return ParseLoaded(bytes, started);
    }

    /// <summary>
    /// Validates and saves <paramref name="profile"/> atomically and durably under the exclusive lock, after an
    /// automatic backup of the current file. Sets <see cref="UserProfile.LastUpdated"/> to now.
    /// On any failure the previous profile is left byte-for-byte intact and no temp file remains.
    /// </summary>
    /// <param name="profile">The profile to save.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    /// <exception cref="ProfileValidationException">The profile is invalid; nothing was written.</exception>
    /// <exception cref="InsufficientDiskSpaceException">Less than <see cref="UserDataManagerOptions.MinimumFreeDiskSpaceBytes"/> is free, or the disk filled up.</exception>
    /// <exception cref="DataLockTimeoutException">Another process holds the lock too long.</exception>
    /// <exception cref="DataAccessDeniedException">The data directory is not writable.</exception>
    public void SaveUserProfile(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var started = _time.GetTimestamp();
        Guard(_layout.Root, "preparing", EnsureLayout);
        using (_lock.Acquire(exclusive: true))
        {
            SaveLocked(profile, started);
        }
    }

    /// <summary>Validates and saves <paramref name="profile"/>; the lock wait does not block a thread.</summary>
    /// <param name="profile">The profile to save.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock; once writing has begun the save completes.</param>
    /// <returns>A task that completes when the profile is on disk.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    /// <exception cref="ProfileValidationException">The profile is invalid; nothing was written.</exception>
    /// <exception cref="InsufficientDiskSpaceException">Not enough free space.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before writing began.</exception>
    public async Task SaveUserProfileAsync(UserProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var started = _time.GetTimestamp();
        Guard(_layout.Root, "preparing", EnsureLayout);
        using (await _lock.AcquireAsync(exclusive: true, cancellationToken).ConfigureAwait(false))
        {
            SaveLocked(profile, started);
        }
    }

    /// <summary>
    /// Loads the profile, applies <paramref name="update"/> and saves the result, all under one exclusive
    /// lock, so concurrent updates from threads or processes never lose each other's changes.
    /// </summary>
    /// <param name="update">Receives the stored profile and returns the one to save (it may return the same instance, edited).</param>
    /// <returns>The saved profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="update"/> returned <see langword="null"/>.</exception>
    /// <exception cref="ProfileNotFoundException">There is no profile.</exception>
    /// <exception cref="ProfileCorruptedException">The stored profile cannot be parsed.</exception>
    /// <exception cref="ProfileValidationException">The stored or the updated profile is invalid; nothing was written.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    public UserProfile UpdateUserProfile(Func<UserProfile, UserProfile> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var started = _time.GetTimestamp();
        EnsureProfileFolderExists();
        using (_lock.Acquire(exclusive: true))
        {
            var current = ParseLoaded(ReadProfileBytes(), started);

            var updated = update(current)
                ?? throw new ArgumentException("The update function returned null; return the profile to save.", nameof(update));
            SaveLocked(updated, started);
            return updated;
        }
    }

    /// <summary>
    /// The save, under the exclusive lock. The profile is validated first, serialized, written to a temp file and
    /// flushed; then the current file is backed up (archived under a temp name, flushed, renamed to its backup name and
    /// its folder flushed), and only after that is the new profile renamed into place: the previous version is durably
    /// on disk, as the profile or in the backup, at every instant. A failure before the replace deletes the temp file,
    /// so the profile is unchanged; an invalid profile is refused before anything is written.
    /// </summary>
    private void SaveLocked(UserProfile profile, long started)
    {
        var previousTimestamp = profile.LastUpdated;
        profile.LastUpdated = _time.GetUtcNow().UtcDateTime;
        try
        {
            // Temp files of an interrupted save or backup: nothing of this save is in flight yet.
            Guard(_layout.Root, "saving", RemoveStaleTempFiles);

            // Before anything is written: a refused save never costs a backup (which may overwrite the oldest one's file).
            ValidateOrThrow(profile);

            var bytes = new ArrayBufferWriter<byte>();
            var flushed = WriteValidatedTemp(profile, bytes);
            AutoBackups? autoBackups = null;
            try
            {
                Guard(_layout.Root, "saving", () =>
                {
                    autoBackups = _options.AutoBackupEnabled ? _backups.TryCreateAutoBackup() : null;
                    _writer.CommitReplace(flushed, _layout.ProfilePath);
                });
            }
            finally
            {
                // Last, once the profile is in place: freeing blocks slows the next journal commit, which the save need not wait for.
                if (autoBackups is not null)
                {
                    _backups.RotateAutoBackups(autoBackups);
                }
            }

            Log.ProfileSaved(_logger, _layout.ProfilePath, bytes.WrittenCount, _time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch
        {
            profile.LastUpdated = previousTimestamp;
            throw;
        }
    }

    /// <summary>
    /// Serializes the validated profile and writes and flushes it to a temp file. What JSON cannot hold is reported as a
    /// validation error before anything is written; on a disk failure the temp file is deleted.
    /// </summary>
    private string WriteValidatedTemp(UserProfile profile, ArrayBufferWriter<byte> bytes)
    {
        var serializeFailure = TrySerialize(profile, bytes);
        if (serializeFailure is not null)
        {
            ThrowIfInvalid([.. Unwritable(serializeFailure.SourceException)]);
            serializeFailure.Throw();
        }

        TryWriteTemp(bytes, out var tempPath)?.Throw();
        return tempPath!;
    }

    /// <summary>Checks the free space and writes and flushes the temp file; a disk error is returned, to be reported after validation errors.</summary>
    private ExceptionDispatchInfo? TryWriteTemp(ArrayBufferWriter<byte> bytes, out string? tempPath)
    {
        string? written = null;
        try
        {
            Guard(_layout.Root, "saving", () =>
            {
                _diskSpace.EnsureAvailable(_layout.DataFolder, _options.MinimumFreeDiskSpaceBytes);
                written = _writer.WriteTemp(_layout.ProfilePath, stream => stream.Write(bytes.WrittenSpan));
            });
            tempPath = written;
            return null;
        }
        catch (UserDataException ex)
        {
            tempPath = null;
            return ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>Serializes <paramref name="profile"/>; returns the failure instead of throwing it, so validation errors can be reported first.</summary>
    private static ExceptionDispatchInfo? TrySerialize(UserProfile profile, ArrayBufferWriter<byte> bytes)
    {
        try
        {
            UserProfileSerializer.SerializeToBuffer(profile, bytes);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>
    /// What the validator cannot see and JSON cannot hold (unknown properties nested deeper than a reader accepts, an
    /// escaped lone surrogate kept in one) makes a valid profile invalid too: nothing is written. Any other exception is a
    /// bug and is rethrown as it is.
    /// </summary>
    private static IEnumerable<ValidationError> Unwritable(Exception serializerError)
    {
        if (serializerError is JsonException or ArgumentException or InvalidOperationException)
        {
            var path = serializerError is JsonException { Path: { } jsonPath } ? jsonPath.TrimStart('$').TrimStart('.') : "";
            yield return new ValidationError(path, $"cannot be written as JSON: {serializerError.Message}");
        }
    }

    private void ValidateOrThrow(UserProfile profile) => ThrowIfInvalid(UserProfileValidator.Validate(profile));

    private void ThrowIfInvalid(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            Log.ProfileInvalid(_logger, _layout.ProfilePath, errors.Count);
            throw new ProfileValidationException(errors);
        }
    }

    private void EnsureProfileFolderExists()
    {
        if (!_fileSystem.Directory.Exists(_layout.DataFolder))
        {
            ThrowIfAccessDenied(_layout.DataFolder);
            throw new ProfileNotFoundException(_layout.ProfilePath);
        }
    }

    /// <summary>
    /// Directory.Exists is false both for a missing folder and for one inside a folder the user may not enter;
    /// opening it tells the two apart, so a permission problem is not reported as a missing profile.
    /// </summary>
    private void ThrowIfAccessDenied(string folder)
    {
        try
        {
            using var entries = _fileSystem.Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            _ = entries.MoveNext();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataAccessDeniedException(folder, ex);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            // Missing (or unreadable for another reason): the caller reports the profile as not found.
        }
    }

    private byte[] ReadProfileBytes()
    {
        try
        {
            using var stream = _fileSystem.FileStream.New(_layout.ProfilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            var bytes = new byte[CheckedLength(stream.Length)];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ProfileNotFoundException(_layout.ProfilePath, ex);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, _layout.ProfilePath, "reading");
        }
    }

    private async Task<byte[]> ReadProfileBytesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stream = _fileSystem.FileStream.New(_layout.ProfilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = new byte[CheckedLength(stream.Length)];
                await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                return bytes;
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ProfileNotFoundException(_layout.ProfilePath, ex);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex) && ex is not EndOfStreamException)
        {
            throw IoErrors.Map(ex, _layout.ProfilePath, "reading");
        }
    }

    private int CheckedLength(long length) =>
        length <= MaxProfileBytes
            ? (int)length
            : throw new ProfileCorruptedException(
                string.Create(CultureInfo.InvariantCulture, $"Failed to parse {UserProfileSerializer.ProfileFileName}: the file is {length} bytes, more than the {MaxProfileBytes} bytes a profile may have."),
                SafeListBackups());

    private UserProfile ParseLoaded(byte[] bytes, long started)
    {
        UserProfile profile;
        try
        {
            profile = UserProfileSerializer.Deserialize(bytes);
        }
        catch (ProfileCorruptedException ex)
        {
            Log.ProfileCorrupted(_logger, _layout.ProfilePath, ex.Message);
            throw new ProfileCorruptedException(ex.Message, SafeListBackups(), ex.InnerException);
        }

        ValidateOrThrow(profile);

        Log.ProfileLoaded(_logger, _layout.ProfilePath, bytes.Length, _time.GetElapsedTime(started).TotalMilliseconds);
        return profile;
    }

    private IReadOnlyList<BackupInfo> SafeListBackups()
    {
        try
        {
            return _backups.List();
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex) || ex is UserDataException)
        {
            return [];
        }
    }
}
