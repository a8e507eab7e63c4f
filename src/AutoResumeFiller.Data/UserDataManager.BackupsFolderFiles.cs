using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.Logging;

namespace AutoResumeFiller.Data;

/// <summary>
/// Which files of the backups folder encryption works on: the backups <see cref="ListAvailableBackups"/> lists, one
/// definition for listing, encrypting and re-encrypting; and what it says about the other files there.
/// </summary>
public sealed partial class UserDataManager
{
    /// <summary>The backups in the backups folder as <see cref="ListAvailableBackups"/> lists them (regular files, plaintext and encrypted), in path order.</summary>
    private List<string> BackupFiles() => [.. _backups.List().Select(b => b.Path).Order(StringComparer.Ordinal)];

    /// <summary>The regular files of the backups folder that are not among <paramref name="backups"/> (temp files excluded).</summary>
    private List<string> OtherFilesInBackups(List<string> backups)
    {
        if (!_fileSystem.Directory.Exists(_layout.BackupsFolder))
        {
            return [];
        }

        var listed = new HashSet<string>(backups, StringComparer.Ordinal);
        return [.. _fileSystem.Directory.EnumerateFiles(_layout.BackupsFolder)
            .Where(p => !listed.Contains(p) && !_fileSystem.Path.GetFileName(p).StartsWith('.'))
            .Where(p => _fileSystem.FileInfo.New(p).LinkTarget is null)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Names the <c>.zip</c> files of the backups folder that are no backup: not encrypted, since nothing says what they are.</summary>
    private void ReportUnrecognizedPlaintext(List<string> backups)
    {
        foreach (var other in OtherFilesInBackups(backups).Where(p => p.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
        {
            Log.UnrecognizedFileLeftPlaintext(_logger, other);
        }
    }

    /// <summary>
    /// The keys named by encrypted files of the backups folder that are no readable backup (damaged where their metadata
    /// lies): such a file cannot be re-encrypted, but it might be repaired, so the key it needs stays in the ring.
    /// </summary>
    private HashSet<string> KeysOfUnreadableEncryptedFiles(List<string> backups)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in OtherFilesInBackups(backups).Where(DataEncryption.IsEncryptedName))
        {
            foreach (var keyId in OuterKeyId(other))
            {
                Log.UnreadableEncryptedFileKeyKept(_logger, other, keyId);
                keys.Add(keyId);
            }
        }

        return keys;
    }

    /// <summary>The key id in the header of an encrypted file; none when the header is not ours.</summary>
    private IEnumerable<string> OuterKeyId(string path) => _storedFiles.KeyIdOf(path) is { } id ? [id] : [];
}
