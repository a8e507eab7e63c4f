using System.IO.Abstractions;
using System.Security.Cryptography;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.IO.Acl;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// Keeps the key ring in one file, written atomically through <see cref="AtomicFileWriter"/> and private to the user: 0600
/// on POSIX, and on Windows a protected user-only DACL set on every new version of the file before it takes the key
/// file's name (the folder gets one too when it is created here; a folder that exists is the user's and is left as is).
/// <see cref="GetKeyRing"/> creates the file with one random key on first use, never replacing a ring another process
/// created meanwhile; the library itself reads through <see cref="TryGetKeyRing"/>, which never creates anything (see
/// <see cref="DataEncryption"/>). The ring is cached and read again when the file's size or time changes, so a rotation
/// by another process is seen at the next operation.
/// </summary>
internal sealed class KeyRingFileProvider : IEncryptionKeyProvider, IKeyRingStore
{
    private readonly IFileSystem _fileSystem;
    private readonly IKeyRingProtector? _protector;
    private readonly TimeProvider _time;
    private readonly PlatformEnvironment _platform;
    private readonly AtomicFileWriter _writer;
    private readonly PrivateDirectoryAcl _folderAcl;
    private readonly PrivateFileAcl _fileAcl;
    private readonly Lock _gate = new();
    private (DateTime WrittenAt, long Length, EncryptionKeyRing Ring)? _cached;

    public KeyRingFileProvider(string path, IKeyRingProtector? protector, IFileSystem? fileSystem = null, TimeProvider? time = null, PlatformEnvironment? platform = null, IAccessControl? accessControl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _fileSystem = fileSystem ?? new FileSystem();
        _platform = platform ?? PlatformEnvironment.Current;
        Path = _fileSystem.Path.GetFullPath(DataDirectoryResolver.ExpandHome(path, _platform));
        _protector = protector;
        _time = time ?? TimeProvider.System;
        _writer = new AtomicFileWriter(_fileSystem, _platform, NullLogger.Instance);
        var acl = accessControl ?? PrivateDirectoryAcl.ForPlatform(_fileSystem, _platform);
        _folderAcl = new PrivateDirectoryAcl(_fileSystem, acl, NullLogger.Instance);
        _fileAcl = new PrivateFileAcl(acl, NullLogger.Instance);
    }

    /// <summary>Gets the key ring file (absolute).</summary>
    public string Path { get; }

    /// <inheritdoc cref="Path"/>
    public string Location => Path;

    /// <summary>Gets the ring, creating the key file (and its folder) with one random key when it does not exist.</summary>
    public EncryptionKeyRing GetKeyRing()
    {
        lock (_gate)
        {
            return ReadIfExists() ?? CreateFirst();
        }
    }

    /// <summary>Gets the ring, or null when the key file does not exist; creates nothing.</summary>
    public EncryptionKeyRing? TryGetKeyRing()
    {
        lock (_gate)
        {
            return ReadIfExists();
        }
    }

    public void SaveKeyRing(EncryptionKeyRing keyRing)
    {
        ArgumentNullException.ThrowIfNull(keyRing);
        lock (_gate)
        {
            EnsureFolder();
            _writer.CommitReplace(WritePrivateTemp(keyRing), Path);
            _cached = null;
        }
    }

    private EncryptionKeyRing? ReadIfExists()
    {
        var info = _fileSystem.FileInfo.New(Path);
        if (!info.Exists)
        {
            _cached = null;
            return null;
        }

        if (_cached is { } cached && cached.WrittenAt == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached.Ring;
        }

        var ring = Read();
        _cached = (info.LastWriteTimeUtc, info.Length, ring);
        return ring;
    }

    private EncryptionKeyRing CreateFirst()
    {
        EnsureFolder();
        var ring = EncryptionKeyRing.CreateNew(_time.GetUtcNow());
        var temp = WritePrivateTemp(ring);
        try
        {
            // Never over an existing ring: another process may have created one meanwhile, and data may already use it.
            _fileSystem.File.Move(temp, Path, overwrite: false);
            _writer.FlushDirectory(_fileSystem.Path.GetDirectoryName(Path)!);
            return ring;
        }
        catch (IOException) when (_fileSystem.File.Exists(Path))
        {
            _writer.TryDelete(temp);
            return Read();
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            _writer.TryDelete(temp);
            throw IoErrors.Map(ex, Path, "creating the key file");
        }
    }

    /// <summary>
    /// Writes <paramref name="ring"/> to a new temp file beside the key file (0600 from creation on POSIX) and gives it the
    /// user-only DACL on Windows before it is renamed into place (a rename keeps the DACL): the key file never exists under
    /// its name with the folder's broader rules, whoever made that folder.
    /// </summary>
    private string WritePrivateTemp(EncryptionKeyRing ring)
    {
        var temp = _writer.WriteTemp(Path, stream => stream.Write(Encode(ring)));
        try
        {
            _fileAcl.MakePrivate(temp);
            return temp;
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            _writer.TryDelete(temp);
            throw IoErrors.Map(ex, Path, "protecting the key file");
        }
    }

    private EncryptionKeyRing Read()
    {
        byte[] stored;
        try
        {
            stored = _fileSystem.File.ReadAllBytes(Path);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, Path, "reading the key file");
        }

        try
        {
            var json = _protector is null ? stored : _protector.Unprotect(stored);
            return KeyRingFormat.Deserialize(json);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new UserDataException(
                $"Key file '{Path}' cannot be read: {ex.Message}",
                "Put back your copy of the key file (a new key cannot decrypt existing data); the data was not changed.",
                ex);
        }
    }

    private byte[] Encode(EncryptionKeyRing ring)
    {
        var json = KeyRingFormat.Serialize(ring);
        return _protector is null ? json : _protector.Protect(json);
    }

    private void EnsureFolder()
    {
        var folder = _fileSystem.Path.GetDirectoryName(Path)!;
        if (_fileSystem.Directory.Exists(folder))
        {
            return;
        }

        try
        {
            if (_writer.WritesToRealDisk && !_platform.IsWindows && !OperatingSystem.IsWindows())
            {
                _fileSystem.Directory.CreateDirectory(folder, PosixPermissions.PrivateFolder);
            }
            else
            {
                _fileSystem.Directory.CreateDirectory(folder);
            }

            // On Windows the folder made here gets the data directory's protected DACL (user and SYSTEM only): what 0700
            // gives on POSIX. A folder that already exists is the user's and is left as is; the key file is protected itself.
            _folderAcl.MakePrivate(folder, includeContents: false);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, folder, "creating the key file's folder");
        }
    }
}
