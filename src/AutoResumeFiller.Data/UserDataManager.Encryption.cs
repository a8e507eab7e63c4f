using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data;

/// <summary>Encryption at rest (DESIGN §10): checks of the options, archive authentication, migration and key rotation.</summary>
public sealed partial class UserDataManager
{
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
