using System.Text.Json;
using AutoResumeFiller.Data.Logging;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>
/// The profile's save and load, each one sequence of named steps (DESIGN.md §7). A save: validate → serialize → encode →
/// auto-backup of the current file → durable replace → rotation. A load: lock → read → decode → parse → validate.
/// </summary>
public sealed partial class UserDataManager
{
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
        StoredProfile stored;
        using (_lock.Acquire(exclusive: false))
        {
            stored = ReadProfileFile();
        }

        return DecodeParseValidate(stored, started);
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
        StoredProfile stored;
        using (await _lock.AcquireAsync(exclusive: false, cancellationToken).ConfigureAwait(false))
        {
            stored = await ReadProfileFileAsync(cancellationToken).ConfigureAwait(false);
        }

        return DecodeParseValidate(stored, started);
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
            var current = DecodeParseValidate(ReadProfileFile(), started);
            var updated = update(current)
                ?? throw new ArgumentException("The update function returned null; return the profile to save.", nameof(update));
            SaveLocked(updated, started);
            return updated;
        }
    }

    /// <summary>
    /// The save, under the exclusive lock. The previous version is durably on disk, as the profile or in its backup, at
    /// every instant. The new file is written and flushed under a temp name before the auto backup is made, so a save
    /// that fails writing (a full disk, say) deletes its temp file and leaves neither a changed profile nor a new backup;
    /// an invalid profile is refused before anything is written. <see cref="UserProfile.LastUpdated"/> is set to now, and
    /// restored if the save fails.
    /// </summary>
    private void SaveLocked(UserProfile profile, long started)
    {
        SchemaVersion.ThrowIfNewerThanSupported(profile.Version); // never write what this version would refuse to read
        var previousTimestamp = profile.LastUpdated;
        profile.LastUpdated = _time.GetUtcNow().UtcDateTime;
        try
        {
            Guard(_layout.Root, "saving", RemoveStaleTempFilesOnce); // left by an interrupted write; none of this save's exists yet
            Validate(profile);
            using var json = new PooledBufferWriter();
            Serialize(profile, json);
            var stored = _encoding.Encode(json.WrittenMemory);
            var tempPath = WriteFlushedTemp(stored);
            var autoBackups = _options.AutoBackupEnabled ? _backups.TryCreateAutoBackup() : null; // never throws: a failed backup is logged
            Guard(_layout.Root, "saving", () =>
            {
                _writer.CommitReplace(tempPath, _layout.ProfilePath);
                RemovePlaintextProfileAfterEncryptedSave();
            });
            if (autoBackups is not null)
            {
                _backups.RotateAutoBackups(autoBackups); // last: freeing blocks slows the next journal commit, which the save need not wait for
            }

            Log.ProfileSaved(_logger, _layout.ProfilePath, stored.Length, _time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch
        {
            profile.LastUpdated = previousTimestamp;
            Volatile.Write(ref _staleTempFilesRemoved, false); // a failed save may leave its temp file if deleting it failed too: the next save removes it
            throw;
        }
    }

    /// <summary>
    /// Serializes the validated profile. What the validator cannot see and JSON cannot hold (unknown properties nested
    /// deeper than a reader accepts, an escaped lone surrogate kept in one, a non-finite number) makes the profile invalid:
    /// nothing is written. Any other exception is a bug and is rethrown as it is.
    /// </summary>
    private void Serialize(UserProfile profile, PooledBufferWriter json)
    {
        try
        {
            UserProfileSerializer.SerializeToBuffer(profile, json);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            var path = ex is JsonException { Path: { } jsonPath } ? jsonPath.TrimStart('$').TrimStart('.') : "";
            ThrowIfInvalid([new ValidationError(path, $"cannot be written as JSON: {ex.Message}")]);
            throw;
        }
    }

    /// <summary>The first half of the durable replace: checks the free space, writes the temp file and flushes it.</summary>
    private string WriteFlushedTemp(ReadOnlyMemory<byte> stored)
    {
        string? tempPath = null;
        Guard(_layout.Root, "saving", () =>
        {
            _diskSpace.EnsureAvailable(_layout.DataFolder, _options.MinimumFreeDiskSpaceBytes);
            tempPath = _writer.WriteTemp(_layout.ProfilePath, stream => stream.Write(stored.Span));
        });
        return tempPath!;
    }

    /// <summary>The load after the read: decode → parse → validate.</summary>
    private UserProfile DecodeParseValidate(StoredProfile stored, long started)
    {
        var profile = Parse(stored.Encoding.Decode(stored.Bytes));
        SchemaVersion.ThrowIfNewerThanSupported(profile.Version);
        Validate(profile);
        Log.ProfileLoaded(_logger, _layout.ProfilePath, stored.Bytes.Length, _time.GetElapsedTime(started).TotalMilliseconds);
        return profile;
    }

    private UserProfile Parse(byte[] json)
    {
        try
        {
            return UserProfileSerializer.Deserialize(json);
        }
        catch (ProfileCorruptedException ex)
        {
            SchemaVersion.ThrowIfNewerThanSupported(SchemaVersion.Peek(json), ex);
            Log.ProfileCorrupted(_logger, _layout.ProfilePath, ex.Message);
            throw new ProfileCorruptedException(ex.Message, SafeListBackups(), ex.InnerException);
        }
    }

    private void Validate(UserProfile profile) => ThrowIfInvalid(UserProfileValidator.Validate(profile));

    private void ThrowIfInvalid(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            Log.ProfileInvalid(_logger, _layout.ProfilePath, errors.Count);
            throw new ProfileValidationException(errors);
        }
    }
}
