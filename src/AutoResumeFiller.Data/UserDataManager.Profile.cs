using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data;

public sealed partial class UserDataManager
{
    /// <summary>The largest profile file the library reads (a real profile is tens of kilobytes).</summary>
    internal const int MaxProfileBytes = 32 * 1024 * 1024;

    /// <summary>From this size of the last save on, a pool thread helps serialize and then validates (below it the hand-over costs more than it saves).</summary>
    internal const int SplitSerializationBytes = 128 * 1024;

    /// <summary>The size of the last profile this manager saved, to size the next save's buffer.</summary>
    private int _lastSavedBytes;

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
        ProfileBytes bytes;
        using (_lock.Acquire(exclusive: false))
        {
            bytes = ReadProfileBytes();
        }

        using (bytes)
        {
            return ParseLoaded(bytes, started);
        }
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
        ProfileBytes bytes;
        using (await _lock.AcquireAsync(exclusive: false, cancellationToken).ConfigureAwait(false))
        {
            bytes = await ReadProfileBytesAsync(cancellationToken).ConfigureAwait(false);
        }

        using (bytes)
        {
            return ParseLoaded(bytes, started);
        }
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
        using var help = StartSaveHelp(profile);
        Guard(_layout.Root, "preparing", EnsureLayout);
        using (_lock.Acquire(exclusive: true))
        {
            SaveLocked(profile, started, help);
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
        using var help = StartSaveHelp(profile);
        Guard(_layout.Root, "preparing", EnsureLayout);
        using (await _lock.AcquireAsync(exclusive: true, cancellationToken).ConfigureAwait(false))
        {
            SaveLocked(profile, started, help);
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
            UserProfile current;
            using (var bytes = ReadProfileBytes())
            {
                current = ParseLoaded(bytes, started);
            }

            var updated = update(current)
                ?? throw new ArgumentException("The update function returned null; return the profile to save.", nameof(update));
            using var help = StartSaveHelp(updated);
            SaveLocked(updated, started, help);
            return updated;
        }
    }

    /// <summary>
    /// The save, under the exclusive lock. With an auto backup, the profile is validated first; then, on a real disk, the
    /// auto backup of the current file (read, archived, written and flushed under a temp name, over the oldest auto
    /// backup's blocks once there are enough of them) runs on a pool thread while this thread serializes the new profile,
    /// writes it to its temp file and flushes it. Without one, a large profile is validated by a second pool thread (which
    /// first helps serialize) during that flush, a small one here once its temp file is flushed. Only then is the archive
    /// renamed to its backup name and its folder flushed, and after that the profile renamed into place: the previous
    /// version is durably on disk, as the profile or in the backup, at every instant. A failure before the replace
    /// deletes both temp files (an archive not yet begun is never written), so the profile is unchanged and no new
    /// backup appears; an invalid profile is refused before anything is written. On MockFileSystem everything runs on
    /// this thread, in the same order.
    /// </summary>
    private void SaveLocked(UserProfile profile, long started, SaveHelp help)
    {
        SchemaVersion.ThrowIfNewerThanSupported(profile.Version); // never write what this version would refuse to read
        var previousTimestamp = profile.LastUpdated;
        profile.LastUpdated = _time.GetUtcNow().UtcDateTime;
        try
        {
            // Before the backup starts: the sweep removes every temp file in the backups folder.
            Guard(_layout.Root, "saving", RemoveStaleTempFiles);
            var inParallel = _writer.WritesToRealDisk;

            // The auto backup may overwrite the oldest one's file (rotation ahead of time), so an invalid profile is refused
            // before it starts: a refused save never costs a backup. Without one, validation can wait for the fsync below.
            if (ValidatesFirst)
            {
                ValidateOrThrow(profile);
            }

            using var autoBackup = _options.AutoBackupEnabled ? _backups.StartAutoBackup(inParallel) : null;

            // Sized from the last save, so a large profile is not copied through ever larger buffers as it is written.
            using var bytes = new PooledBufferWriter(Math.Max(PooledBufferWriter.DefaultCapacity, Volatile.Read(ref _lastSavedBytes) + 4096));
            var flushed = WriteValidatedTemp(profile, help.Split, help.Validation, bytes);
            Guard(_layout.Root, "saving", () =>
            {
                autoBackup?.Commit();
                _writer.CommitReplace(flushed, _layout.ProfilePath);
            });
            Volatile.Write(ref _lastSavedBytes, bytes.WrittenCount);
            Log.ProfileSaved(_logger, _layout.ProfilePath, bytes.WrittenCount, _time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch
        {
            profile.LastUpdated = previousTimestamp;
            throw;
        }
    }

    /// <summary>
    /// Serializes the profile and writes and flushes it to a temp file while validation finishes, and returns the temp
    /// file only for a valid profile; on any failure the temp file is deleted. Errors come in this order: the validator's
    /// (an invalid profile may also fail to serialize: a null item, say), then what JSON cannot hold, then the disk's.
    /// </summary>
    private string WriteValidatedTemp(UserProfile profile, ProfileJsonWriter.Split? split, OverlappedWork<IReadOnlyList<ValidationError>> validation, PooledBufferWriter bytes)
    {
        string? tempPath = null;
        try
        {
            ExceptionDispatchInfo? serializeFailure = null;
            ExceptionDispatchInfo? writeFailure = null;
            IReadOnlyList<ValidationError> errors;
            try
            {
                serializeFailure = TrySerialize(profile, bytes, split);
                if (serializeFailure is null)
                {
                    writeFailure = TryWriteTemp(bytes, out tempPath);
                }
            }
            finally
            {
                // Joined whatever happens: the split's helper must stop before its buffer is released.
                errors = validation.Join();
            }

            ThrowIfInvalid(errors);
            if (serializeFailure is not null)
            {
                ThrowIfInvalid([.. Unwritable(serializeFailure.SourceException)]);
                serializeFailure.Throw();
            }

            writeFailure?.Throw();
            return tempPath!;
        }
        catch
        {
            if (tempPath is not null)
            {
                _writer.TryDelete(tempPath); // written for a profile that was then refused
            }

            throw;
        }
    }

    /// <summary>
    /// Starts the pool thread's part of saving a large profile (<see cref="HelpThenValidate"/>) as soon as the profile is
    /// known: <see cref="SaveUserProfile"/> starts it before the folder checks and the lock, so by the time the save's
    /// thread begins the document the pool thread is awake and writing chunks from the back (a pool thread woken only then
    /// started 40–1,200 µs late, and in one save in ten did nothing). It reads only the profile, never a file. A small
    /// profile's work (tens of microseconds) would cost more to hand over than it takes, so it runs on the save's thread.
    /// </summary>
    private SaveHelp StartSaveHelp(UserProfile profile)
    {
        var lastSavedBytes = Volatile.Read(ref _lastSavedBytes);
        var large = _writer.WritesToRealDisk && lastSavedBytes >= SplitSerializationBytes;
        var validate = !ValidatesFirst;
        var split = large ? new ProfileJsonWriter.Split(profile, expectedBytes: lastSavedBytes) : null;
        return new SaveHelp(split, OverlappedWork<IReadOnlyList<ValidationError>>.Start(() => HelpThenValidate(profile, split, validate), inParallel: large));
    }

    /// <summary>
    /// Gets a value indicating whether a save validates before anything else: with an auto backup, which may overwrite the
    /// oldest backup's file (rotation ahead of time), so that a refused save never costs a backup.
    /// </summary>
    private bool ValidatesFirst => _options.AutoBackupEnabled;

    /// <summary>
    /// The pool thread's part of a save: help with the serialization of a large profile, which the save's thread writes
    /// meanwhile (the two share it wherever they meet, see <see cref="ProfileJsonWriter.Split"/>); then, unless the save
    /// validated first, validation, while the save's thread writes and flushes the temp file, so the fsync wait hides it.
    /// </summary>
    private static IReadOnlyList<ValidationError> HelpThenValidate(UserProfile profile, ProfileJsonWriter.Split? split, bool validate)
    {
        split?.Help();
        return validate ? UserProfileValidator.Validate(profile) : [];
    }

    /// <summary>Checks the free space and writes and flushes the temp file; a disk error is returned, to be reported after validation errors.</summary>
    private ExceptionDispatchInfo? TryWriteTemp(PooledBufferWriter bytes, out string? tempPath)
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
    private static ExceptionDispatchInfo? TrySerialize(UserProfile profile, PooledBufferWriter bytes, ProfileJsonWriter.Split? split)
    {
        try
        {
            UserProfileSerializer.SerializeToBuffer(profile, bytes, split);
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

    private ProfileBytes ReadProfileBytes()
    {
        try
        {
            using var stream = _fileSystem.FileStream.New(_layout.ProfilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            var bytes = ProfileBytes.Rent(CheckedLength(stream.Length));
            try
            {
                stream.ReadExactly(bytes.Buffer, 0, bytes.Length);
                return bytes;
            }
            catch
            {
                bytes.Dispose();
                throw;
            }
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

    private async Task<ProfileBytes> ReadProfileBytesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stream = _fileSystem.FileStream.New(_layout.ProfilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = ProfileBytes.Rent(CheckedLength(stream.Length));
                try
                {
                    await stream.ReadExactlyAsync(bytes.Buffer.AsMemory(0, bytes.Length), cancellationToken).ConfigureAwait(false);
                    return bytes;
                }
                catch
                {
                    bytes.Dispose();
                    throw;
                }
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

    private UserProfile ParseLoaded(ProfileBytes bytes, long started)
    {
        UserProfile profile;
        try
        {
            profile = UserProfileSerializer.Deserialize(bytes.Buffer.AsSpan(0, bytes.Length));
        }
        catch (ProfileCorruptedException ex)
        {
            SchemaVersion.ThrowIfNewerThanSupported(SchemaVersion.Peek(bytes.Buffer.AsSpan(0, bytes.Length)), ex);
            Log.ProfileCorrupted(_logger, _layout.ProfilePath, ex.Message);
            throw new ProfileCorruptedException(ex.Message, SafeListBackups(), ex.InnerException);
        }

        SchemaVersion.ThrowIfNewerThanSupported(profile.Version);
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

    /// <summary>The serialization help and validation of one save (see <see cref="StartSaveHelp"/>).</summary>
    private sealed class SaveHelp(ProfileJsonWriter.Split? split, OverlappedWork<IReadOnlyList<ValidationError>> validation) : IDisposable
    {
        public ProfileJsonWriter.Split? Split => split;

        public OverlappedWork<IReadOnlyList<ValidationError>> Validation => validation;

        /// <summary>Ends the work (work not yet begun never runs: a save that failed early wastes nothing) before the split's buffer goes back to the pool.</summary>
        public void Dispose()
        {
            validation.CancelOrJoin();
            split?.Dispose();
        }
    }

    /// <summary>
    /// The bytes of the profile file, read into a pooled buffer: a load needs them only while it parses, and a new array
    /// per load of a large profile (on the large object heap from 85 KB) made the garbage collector walk the whole heap
    /// again and again. Dispose returns the buffer.
    /// </summary>
    private readonly record struct ProfileBytes(byte[] Buffer, int Length) : IDisposable
    {
        public static ProfileBytes Rent(int length) => new(ArrayPool<byte>.Shared.Rent(length), length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
