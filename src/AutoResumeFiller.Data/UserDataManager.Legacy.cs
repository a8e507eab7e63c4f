using System.IO.Abstractions;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Legacy;
using AutoResumeFiller.Data.Logging;

namespace AutoResumeFiller.Data;

public sealed partial class UserDataManager
{
    /// <summary>
    /// Gets the Python AutoResumeFiller app's default folder for this platform when it holds a profile
    /// (<c>user_profile.json</c> at its root): on Windows and macOS the same folder as <see cref="GetDefaultDataDirectory"/>;
    /// on Linux <c>$XDG_DATA_HOME/AutoResumeFiller</c> when <c>XDG_DATA_HOME</c> is set and absolute, else
    /// <c>~/.local/share/AutoResumeFiller</c> (capital letters, beside ours).
    /// </summary>
    /// <returns>The folder, or <see langword="null"/> when there is no legacy profile there (or no home folder is known).</returns>
    public static string? FindLegacyDataDirectory() => LegacyLayout.Find(new FileSystem(), PlatformEnvironment.Current);

    /// <summary>Gets what the legacy import run by this manager's last <see cref="InitializeDataDirectory"/> did, or <see langword="null"/> when it ran none.</summary>
    public LegacyImportResult? LastLegacyImport { get; private set; }

    /// <summary>
    /// Imports the Python app's folder (<c>user_profile.json</c> at its root, <c>backups/auto_backup_YYYYMMDD_HHMMSS.json</c>,
    /// <c>config.yaml</c>, <c>resumes/</c>, <c>cover_letters/</c>). The profile becomes this one through a normal validated save
    /// when the data directory has none or only an empty one (a profile with content is kept); each JSON backup becomes an
    /// auto backup archive named from the UTC time of its local-time name (rotated like any other); <c>config.yaml</c> and
    /// the files of <c>resumes/</c> and <c>cover_letters/</c> are copied where the data directory has no file of that name.
    /// </summary>
    /// <remarks>
    /// The legacy folder is only read, never changed. What was imported is recorded in <c>data/legacy_import.json</c>, so a
    /// second run imports nothing twice; every file is written atomically, so a run killed at any point leaves no half
    /// import, and the next run (or <see cref="InitializeDataDirectory"/>) completes it. The folder may be the data
    /// directory itself (on Windows and macOS the Python app's folder is ours, its profile at the root).
    /// </remarks>
    /// <param name="legacyDirectory">The Python app's folder (for example <see cref="FindLegacyDataDirectory"/>).</param>
    /// <returns>What was done; <see langword="null"/> when the folder holds no <c>user_profile.json</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="legacyDirectory"/> is empty.</exception>
    /// <exception cref="ProfileValidationException">The legacy profile breaks validation rules (all are listed); nothing was changed.</exception>
    /// <exception cref="ProfileCorruptedException">The legacy profile is not valid JSON of the profile's shape; nothing was changed.</exception>
    /// <exception cref="DataLockTimeoutException">Another process holds the lock too long.</exception>
    /// <exception cref="InsufficientDiskSpaceException">The disk is full; what was imported so far is whole, and a rerun completes it.</exception>
    /// <exception cref="DataAccessDeniedException">A file cannot be read or written.</exception>
    public LegacyImportResult? ImportLegacyData(string legacyDirectory) => RunLegacyImport(legacyDirectory, preview: false);

    /// <summary>Describes what <see cref="ImportLegacyData"/> would do now, without writing anything.</summary>
    /// <param name="legacyDirectory">The Python app's folder.</param>
    /// <returns>What an import would do (<see cref="LegacyImportResult.IsPreview"/>); <see langword="null"/> when the folder holds no legacy profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="legacyDirectory"/> is empty.</exception>
    /// <exception cref="ProfileValidationException">The legacy profile breaks validation rules; an import would refuse it.</exception>
    /// <exception cref="ProfileCorruptedException">The legacy profile is not valid JSON of the profile's shape.</exception>
    public LegacyImportResult? PreviewLegacyImport(string legacyDirectory) => RunLegacyImport(legacyDirectory, preview: true);

    private LegacyImportResult? RunLegacyImport(string legacyDirectory, bool preview)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legacyDirectory);
        var started = _time.GetTimestamp();
        LegacyImportResult? result = null;
        Guard(_layout.Root, "importing into", () => result = CreateLegacyImporter().Run(legacyDirectory, preview, EnsureLayout));
        if (result is not null && !preview)
        {
            Log.LegacyDataImported(_logger, result.LegacyDirectory, result.Profile, result.BackupsImported.Count, result.BackupsSkipped.Count, result.FilesCopied.Count, result.FilesKept.Count, _time.GetElapsedTime(started).TotalMilliseconds);
        }

        return result;
    }

    /// <summary>
    /// For <see cref="InitializeDataDirectory"/>, under its lock: the legacy folder to import instead of creating an empty
    /// profile (the data directory's own root <c>user_profile.json</c>, else <see cref="FindLegacyDataDirectory"/>), or an
    /// import a crash interrupted; null when there is nothing to import.
    /// </summary>
    private string? LegacySourceForInitialize(bool profileExists)
    {
        var importer = CreateLegacyImporter();
        if (importer.UnfinishedImport() is { } unfinished)
        {
            return unfinished;
        }

        if (profileExists)
        {
            return null;
        }

        return LegacyLayout.HasProfile(_fileSystem, _layout.Root) ? _layout.Root : LegacyLayout.Find(_fileSystem, _platform);
    }

    /// <summary>
    /// Runs the import <see cref="LegacySourceForInitialize"/> chose, once the initialization's lock is released; then makes
    /// sure a profile exists, since initialization never leaves the user without one (DESIGN §3, §8).
    /// </summary>
    /// <returns>Whether the empty profile had to be created because the import brought none.</returns>
    private bool ImportOnInitialize(string legacyDirectory)
    {
        Log.LegacyImportOnInitialize(_logger, legacyDirectory);
        LastLegacyImport = ImportLegacyData(legacyDirectory);
        return EnsureProfileAfterImport(legacyDirectory);
    }

    /// <summary>
    /// The safety net after an import on initialization: when it ended normally with no profile (the Python app's profile
    /// was removed between the check and the import, or any other path that brings none), the empty profile is written
    /// as initialization would have. A legacy profile refused as invalid never gets here: the refusal is thrown.
    /// </summary>
    private bool EnsureProfileAfterImport(string legacyDirectory)
    {
        var created = false;
        Guard(_layout.Root, "initializing", () =>
        {
            using (_lock.Acquire(exclusive: true))
            {
                if (ProfileExistsInAnyForm())
                {
                    return;
                }

                WriteInitialProfile();
                _permissions.MakePrivateFile(_layout.ProfilePath);
                created = true;
            }
        });
        if (created)
        {
            Log.LegacyImportLeftNoProfile(_logger, legacyDirectory, LastLegacyImport?.Profile.ToString() ?? "no legacy profile found");
        }

        return created;
    }

    private LegacyImporter CreateLegacyImporter() => new(
        _fileSystem,
        _layout,
        _writer,
        _backups,
        _lock,
        new LegacyFileCopier(_fileSystem, _layout, _writer, _permissions),
        _time,
        _logger,
        SaveImportedProfile);

    /// <summary>
    /// The import's save: the normal one, by a manager on the same directory without an auto backup, since what it
    /// replaces is missing or empty (a backup of an empty profile would become the newest backup, above the imported ones).
    /// </summary>
    private void SaveImportedProfile(UserProfile profile)
    {
        var options = Copy(_options);
        options.DataDirectory = _layout.Root;
        options.AutoBackupEnabled = false;
        new UserDataManager(options, _fileSystem, _logger, _time, _platform).SaveUserProfile(profile);
    }
}
