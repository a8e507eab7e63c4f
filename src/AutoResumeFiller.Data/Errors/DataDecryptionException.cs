namespace AutoResumeFiller.Data;

/// <summary>
/// An encrypted file could not be decrypted: it failed authentication (it was corrupted, tampered with, truncated, or
/// is another file put in its place), or the key ring has no key for its key id, or the key file does not exist (then
/// the <see cref="UserDataException.Suggestion"/> names where it was expected, and no new key file was created).
/// Nothing on disk was changed.
/// </summary>
public sealed class DataDecryptionException : UserDataException
{
    /// <summary>The message of a file that fails authentication.</summary>
    public const string AuthenticationFailedMessage = "Authentication failed. File may be corrupted or tampered.";

    /// <summary>The message of a file whose key is not in the key ring.</summary>
    public const string KeyNotFoundMessage = "Encryption key not found. Cannot decrypt data.";

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What went wrong (<see cref="AuthenticationFailedMessage"/> or <see cref="KeyNotFoundMessage"/>).</param>
    /// <param name="suggestion">What the user can do next.</param>
    /// <param name="filePath">The encrypted file.</param>
    /// <param name="keyId">The key id the file names, when known.</param>
    /// <param name="innerException">The original exception, if any.</param>
    public DataDecryptionException(string message, string suggestion, string filePath, string? keyId = null, Exception? innerException = null)
        : base(message, suggestion, innerException)
    {
        FilePath = filePath;
        KeyId = keyId;
    }

    /// <summary>Gets the encrypted file that could not be decrypted.</summary>
    public string FilePath { get; }

    /// <summary>Gets the key id the file names (16 hex digits), or <see langword="null"/> when the file failed before it was read.</summary>
    public string? KeyId { get; }

    /// <summary>Gets the key file that does not exist, when that is why the file could not be decrypted (for the verification's problem list).</summary>
    internal string? MissingKeyFile { get; private init; }

    internal static DataDecryptionException AuthenticationFailed(string path, Exception? inner = null) => new(
        AuthenticationFailedMessage,
        $"'{path}' was changed outside this library or damaged. Restore a backup (see ListAvailableBackups or 'arf-data backups'); nothing was changed.",
        path,
        innerException: inner);

    internal static DataDecryptionException KeyNotFound(string path, string keyId) => new(
        KeyNotFoundMessage,
        $"'{path}' was encrypted with key {keyId}, which is not in the key ring. Use the key file it was written with (keep a copy of the key file apart from the data); without that key the data cannot be recovered.",
        path,
        keyId);

    /// <summary>The key file is not where it was expected, and <paramref name="path"/> is encrypted: a new key cannot stand in for the lost one.</summary>
    internal static DataDecryptionException KeyFileMissing(string keyFile, string path, string? keyId) => new(
        KeyNotFoundMessage,
        $"The key file '{keyFile}' does not exist, and '{path}' was encrypted with {(keyId is null ? "a key" : $"key {keyId}")} from it. Put your copy of the key file back at that path (or give its actual location); no new key was created, because it could not decrypt this data, and nothing was changed. If the key is lost for good, that data cannot be recovered: move the encrypted files out of the data directory to start again with a new key.",
        path,
        keyId)
    {
        MissingKeyFile = keyFile,
    };
}
