using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Logging;

/// <summary>Log messages of encryption at rest (event ids 90–99).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Encrypted {Path}")]
    public static partial void FileEncrypted(ILogger logger, string path);

    [LoggerMessage(EventId = 91, Level = LogLevel.Information, Message = "Encrypted the existing data of {DataDirectory}: {Files} files in {ElapsedMs:0.###} ms")]
    public static partial void ExistingDataEncrypted(ILogger logger, string dataDirectory, int files, double elapsedMs);

    [LoggerMessage(EventId = 92, Level = LogLevel.Warning, Message = "Left the Python app's plaintext file {Path} alone (this library never changes or deletes the Python app's files); delete it yourself once you no longer need it")]
    public static partial void LegacyPlaintextLeft(ILogger logger, string path);

    [LoggerMessage(EventId = 93, Level = LogLevel.Information, Message = "Rotated the encryption key to {KeyId}: {Files} files re-encrypted, {Dropped} old keys dropped, in {ElapsedMs:0.###} ms")]
    public static partial void KeyRotated(ILogger logger, string keyId, int files, int dropped, double elapsedMs);

    [LoggerMessage(EventId = 94, Level = LogLevel.Warning, Message = "Loaded the plaintext profile {Path}: encryption is on but the existing data is not encrypted yet (run EncryptExistingData, or 'arf-data encrypt')")]
    public static partial void PlaintextProfileLoaded(ILogger logger, string path);

    [LoggerMessage(EventId = 95, Level = LogLevel.Warning, Message = "Backup {Path} is not a readable archive; it was encrypted byte for byte as it is")]
    public static partial void UnreadableBackupEncryptedAsIs(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 96, Level = LogLevel.Warning, Message = "Backup {Path} could not be re-encrypted under the new key (it is damaged or its key is missing); the key it names stays in the ring")]
    public static partial void BackupNotReencrypted(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 97, Level = LogLevel.Warning, Message = "Left {Path} in the backups folder as it is, not encrypted: it is no backup this library can read (no backup name, no readable export metadata); move it out of the data directory or delete it if it holds personal data")]
    public static partial void UnrecognizedFileLeftPlaintext(ILogger logger, string path);

    [LoggerMessage(EventId = 98, Level = LogLevel.Warning, Message = "{Path} in the backups folder names encryption key {KeyId} but is no backup this library can read (damaged?); the key stays in the ring")]
    public static partial void UnreadableEncryptedFileKeyKept(ILogger logger, string path, string keyId);
}
