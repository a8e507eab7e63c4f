using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.Logging;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>How the encrypted files meet the rest of the manager: which profile file a load reads, checks before a restore, the key file's place.</summary>
public sealed partial class UserDataManager
{
    /// <summary>
    /// The profile file a load reads: the encrypted one, except while only a plaintext profile exists (encryption was
    /// just turned on and <see cref="EncryptExistingData"/> has not run yet; the next save encrypts it).
    /// </summary>
    private string ProfileReadPath()
    {
        if (_layout.IsEncrypted && !_fileSystem.File.Exists(_layout.ProfilePath) && _fileSystem.File.Exists(_layout.PlaintextProfilePath))
        {
            Log.PlaintextProfileLoaded(_logger, _layout.PlaintextProfilePath);
            return _layout.PlaintextProfilePath;
        }

        var encrypted = _layout.PlaintextProfilePath + DataEncryption.Suffix;
        if (!_layout.IsEncrypted && !_fileSystem.File.Exists(_layout.ProfilePath) && _fileSystem.File.Exists(encrypted))
        {
            // The data was encrypted, and this manager has no key: say so, rather than "not found".
            _encryption.DecodeProfile(_fileSystem.File.ReadAllBytes(encrypted), encrypted);
        }

        return _layout.ProfilePath;
    }

    /// <summary>
    /// The decode step for the file a load read: the profile's own encoding, except for a plaintext profile read because
    /// none is encrypted yet, which is JSON as it is. It needs no key, so such a load never creates a key file.
    /// </summary>
    private ProfileEncoding EncodingOf(string pathRead) => pathRead == _layout.ProfilePath ? _encoding : ProfileEncoding.Identity;

    /// <summary>After an encrypted save, the plaintext profile left from before encryption was turned on is a stale copy: removed.</summary>
    private void RemovePlaintextProfileAfterEncryptedSave()
    {
        if (_layout.IsEncrypted && _fileSystem.File.Exists(_layout.PlaintextProfilePath))
        {
            DeleteDurably(_layout.PlaintextProfilePath);
        }
    }

    /// <summary>Whether a profile exists, plaintext or encrypted: initialization must never put an empty profile beside one it cannot read.</summary>
    /// <summary>
    /// Whether there is a profile for a backup or export to hold: the profile, or, with encryption on before
    /// <c>EncryptExistingData</c> ran, the plaintext one (which the archive holds encrypted all the same).
    /// </summary>
    private bool ProfileToBackUpExists() =>
        _fileSystem.File.Exists(_layout.ProfilePath) || (_layout.IsEncrypted && _fileSystem.File.Exists(_layout.PlaintextProfilePath));

    private bool ProfileExistsInAnyForm() =>
        _fileSystem.File.Exists(_layout.PlaintextProfilePath) || _fileSystem.File.Exists(_layout.PlaintextProfilePath + DataEncryption.Suffix);

    /// <summary>A key file inside the data directory would travel with every copy of it: refused.</summary>
    private void RefuseKeyFileInside(string root)
    {
        if (_options.Encryption is not KeyRingFileProvider keyFile)
        {
            return;
        }

        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var folder = root.TrimEnd('/', '\\') + _fileSystem.Path.DirectorySeparatorChar;
        if (keyFile.Path.StartsWith(folder, comparison) || string.Equals(keyFile.Path, root, comparison))
        {
            throw new ArgumentException(
                $"The key file '{keyFile.Path}' is inside the data directory '{root}'; keep it outside, so a copied or synced data folder is useless without it.");
        }
    }

    /// <summary>Authenticates a <c>.zip.enc</c> whole before a restore, so a tampered archive raises <see cref="DataDecryptionException"/> and changes nothing.</summary>
    private void AuthenticateEncryptedArchive(string path)
    {
        if (!DataEncryption.IsEncryptedName(path) || !_fileSystem.File.Exists(path))
        {
            return;
        }

        using var stream = _fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var archive = _encryption.OpenArchive(stream, path);
    }
}
