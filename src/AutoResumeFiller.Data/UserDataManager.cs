using System.IO.Abstractions;
using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.IO.Acl;
using AutoResumeFiller.Data.Logging;
using AutoResumeFiller.Data.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoResumeFiller.Data;

/// <summary>
/// The single entry point to the user's local data: the data directory, the profile (load, validate,
/// atomic durable save), automatic and manual backups, verification and restore, all under an OS lock
/// shared between threads and processes.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: one instance may be shared by many threads, and many instances (in this or other
/// processes) may work on the same data directory. Readers share the lock; a save, update or restore
/// holds it exclusively. Every failure raised on purpose is a <see cref="UserDataException"/> whose
/// <see cref="UserDataException.Suggestion"/> says what to do next; a failed write leaves the previous
/// profile byte-for-byte intact.
/// </para>
/// <para>Durations are logged from the injected <see cref="TimeProvider"/>; lock waits always use real time.</para>
/// </remarks>
public sealed partial class UserDataManager
{
    private readonly IFileSystem _fileSystem;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly UserDataManagerOptions _options;
    private readonly DataLayout _layout;
    private readonly FileLock _lock;
    private readonly AtomicFileWriter _writer;
    private readonly PosixPermissions _permissions;
    private readonly PrivateDirectoryAcl _acl;
    private readonly DiskSpace _diskSpace;
    private readonly BackupStore _backups;
    private readonly PlatformEnvironment _platform;
    private readonly DataEncryption _encryption;
    private readonly StoredDataFiles _storedFiles;
    private readonly ProfileEncoding _encoding;

    /// <summary>Initializes a new manager. Nothing is read or written until a method is called.</summary>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults. Copied, so later changes have no effect.</param>
    /// <param name="fileSystem">The file system; <see langword="null"/> uses the real one.</param>
    /// <param name="logger">Where to log; <see langword="null"/> logs nothing.</param>
    /// <param name="timeProvider">The clock for timestamps and backup names; <see langword="null"/> uses <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The encryption key file lies inside the data directory (a copied data folder would carry its own key).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (negative timeout or free space, fewer than one auto or pre-restore backup, a polling interval not above zero).</exception>
    /// <exception cref="UserDataException">No data directory is configured and the platform default cannot be determined.</exception>
    public UserDataManager(
        UserDataManagerOptions? options = null,
        IFileSystem? fileSystem = null,
        ILogger<UserDataManager>? logger = null,
        TimeProvider? timeProvider = null)
        : this(options, fileSystem, logger, timeProvider, PlatformEnvironment.Current)
    {
    }

    internal UserDataManager(
        UserDataManagerOptions? options,
        IFileSystem? fileSystem,
        ILogger? logger,
        TimeProvider? timeProvider,
        PlatformEnvironment platform,
        IAccessControl? accessControl = null)
    {
        _options = Copy(options ?? new UserDataManagerOptions());
        _fileSystem = fileSystem ?? new FileSystem();
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _platform = platform;

        var root = DataDirectoryResolver.Resolve(_options.DataDirectory, platform, _fileSystem.Path.GetFullPath);
        _layout = new DataLayout(_fileSystem, root, encrypted: _options.Encryption is not null);
        _storedFiles = new StoredDataFiles(_fileSystem, _layout);
        _encryption = new DataEncryption(_options.Encryption, _storedFiles);
        RefuseKeyFileInside(root);
        _encoding = _encryption.IsEnabled ? new EncryptedProfileEncoding(_encryption, _layout.ProfilePath) : ProfileEncoding.Identity;
        _lock = new FileLock(_fileSystem, _layout.LockPath, _options.LockTimeout, _logger);
        _writer = new AtomicFileWriter(_fileSystem, platform, _logger);
        _permissions = new PosixPermissions(_fileSystem, platform, _logger);
        _acl = new PrivateDirectoryAcl(_fileSystem, accessControl ?? PrivateDirectoryAcl.ForPlatform(_fileSystem, platform), _logger);
        _diskSpace = new DiskSpace(_fileSystem, _logger);
        _backups = new BackupStore(_fileSystem, _layout, _writer, _permissions, _diskSpace, _time, _options, _encryption, _logger);
    }

    /// <summary>Gets the data directory (absolute).</summary>
    public string DataDirectory => _layout.Root;

    /// <summary>Gets the profile's path, <c>&lt;data dir&gt;/data/user_profile.json</c> (<c>user_profile.json.enc</c> with <see cref="UserDataManagerOptions.Encryption"/> set).</summary>
    public string ProfilePath => _layout.ProfilePath;

    /// <summary>Gets the backups folder, <c>&lt;data dir&gt;/backups</c>.</summary>
    public string BackupsDirectory => _layout.BackupsFolder;

    /// <summary>Gets the lock file, <c>&lt;data dir&gt;/data/.user_profile.lock</c> (never renamed or deleted).</summary>
    public string LockFilePath => _layout.LockPath;

    /// <summary>
    /// Gets the platform's default data directory: Windows <c>%APPDATA%\AutoResumeFiller</c>; macOS
    /// <c>~/Library/Application Support/AutoResumeFiller</c>; Linux <c>$XDG_DATA_HOME/autoresumefiller</c>
    /// when <c>XDG_DATA_HOME</c> is set and absolute, else <c>~/.local/share/autoresumefiller</c>.
    /// </summary>
    /// <returns>The default path; it is not created.</returns>
    /// <exception cref="UserDataException">The home or application-data folder is unknown.</exception>
    public static string GetDefaultDataDirectory() => DataDirectoryResolver.GetDefault(PlatformEnvironment.Current);

    /// <summary>
    /// Creates whatever is missing of the layout (<c>data/ resumes/ cover_letters/ backups/ logs/</c>, 0700 on
    /// POSIX), the lock file and, only when there is no profile yet, an empty profile (0600). Removes temp
    /// files left by an interrupted save. Idempotent; never overwrites an existing profile.
    /// </summary>
    /// <remarks>
    /// Only the data directory and <c>data/</c> are essential. A folder of the rest of the layout that cannot be created
    /// or used (a file or a broken link in its place, access denied) is logged as a warning, listed in
    /// <see cref="FolderProblems"/> and skipped: initialization still succeeds.
    /// Where the Python app's profile exists (<c>user_profile.json</c> at the data directory's root, or in
    /// <see cref="FindLegacyDataDirectory"/>), it is imported with <see cref="ImportLegacyData"/> instead of creating an
    /// empty profile (see <see cref="LastLegacyImport"/>), also when an earlier import is recorded but the profile has gone
    /// missing since; an import a crash interrupted is completed. When this method returns, a profile exists: should the
    /// import bring none (the Python app's profile vanished meanwhile), the empty profile is created after all.
    /// </remarks>
    /// <exception cref="DataAccessDeniedException">The data directory, <c>data/</c> or a file in it cannot be created.</exception>
    /// <exception cref="DataLockTimeoutException">Another process holds the lock longer than <see cref="UserDataManagerOptions.LockTimeout"/>.</exception>
    /// <exception cref="InsufficientDiskSpaceException">The disk is full.</exception>
    /// <exception cref="ProfileValidationException">The Python app's profile breaks validation rules; no empty profile is created in its place.</exception>
    /// <exception cref="ProfileCorruptedException">The Python app's profile is not valid JSON of the profile's shape; no empty profile is created in its place.</exception>
    public void InitializeDataDirectory()
    {
        var started = _time.GetTimestamp();
        var created = false;
        string? legacySource = null;
        Guard(_layout.Root, "initializing", () =>
        {
            EnsureLayout(tightenExisting: true);
            using (_lock.Acquire(exclusive: true))
            {
                RemoveStaleTempFiles();
                var profileExists = ProfileExistsInAnyForm();
                legacySource = LegacySourceForInitialize(profileExists);
                if (!profileExists && legacySource is null)
                {
                    WriteInitialProfile();
                    created = true;
                }

                _permissions.MakePrivateFile(_layout.LockPath);
                if (_fileSystem.File.Exists(_layout.ProfilePath))
                {
                    _permissions.MakePrivateFile(_layout.ProfilePath);
                }
            }
        });
        if (legacySource is not null)
        {
            created = ImportOnInitialize(legacySource);
        }

        Log.DataDirectoryInitialized(_logger, _layout.Root, created, _time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Writes the initial empty profile (DESIGN §3), encoded like any profile of this manager. Caller holds the exclusive lock.</summary>
    private void WriteInitialProfile()
    {
        var profile = new UserProfile { LastUpdated = _time.GetUtcNow().UtcDateTime };
        var bytes = _encryption.EncodeProfile(UserProfileSerializer.Serialize(profile), _layout.ProfilePath);
        _writer.Write(_layout.ProfilePath, stream => stream.Write(bytes));
    }

    /// <summary>Runs <paramref name="action"/>, turning operating-system failures into typed errors.</summary>
    private static void Guard(string path, string action, Action body)
    {
        try
        {
            body();
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, path, action);
        }
    }

    private static UserDataManagerOptions Copy(UserDataManagerOptions source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source.LockTimeout, TimeSpan.Zero, nameof(source.LockTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(source.MaxAutoBackups, 1, nameof(source.MaxAutoBackups));
        ArgumentOutOfRangeException.ThrowIfLessThan(source.MaxPreRestoreBackups, 1, nameof(source.MaxPreRestoreBackups));
        ArgumentOutOfRangeException.ThrowIfNegative(source.MinimumFreeDiskSpaceBytes, nameof(source.MinimumFreeDiskSpaceBytes));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(source.WatchPollingInterval, TimeSpan.Zero, nameof(source.WatchPollingInterval));
        return new UserDataManagerOptions
        {
            DataDirectory = source.DataDirectory,
            LockTimeout = source.LockTimeout,
            MaxAutoBackups = source.MaxAutoBackups,
            MaxPreRestoreBackups = source.MaxPreRestoreBackups,
            MinimumFreeDiskSpaceBytes = source.MinimumFreeDiskSpaceBytes,
            AutoBackupEnabled = source.AutoBackupEnabled,
            Encryption = source.Encryption,
            WatchPollingInterval = source.WatchPollingInterval,
        };
    }
}
