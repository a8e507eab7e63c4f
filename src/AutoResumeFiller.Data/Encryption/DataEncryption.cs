namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// The encode/decode step of the pipeline (DESIGN §7, §10) for one manager: identity when
/// <see cref="UserDataManagerOptions.Encryption"/> is null; otherwise the profile is sealed in memory before anything
/// reaches the disk, and backup archives are streamed through <see cref="EncryptingStream"/> / <see cref="DecryptingStream"/>.
/// Whether a file is encrypted is decided by its name (<c>.enc</c>), never by sniffing its content: a plaintext file put
/// in place of an encrypted one is refused, not trusted.
/// </summary>
internal sealed class DataEncryption(IEncryptionKeyProvider? provider)
{
    /// <summary>The suffix of every encrypted file.</summary>
    public const string Suffix = ".enc";

    private static readonly EncryptionKeyRing NoKeys = EncryptionKeyRing.CreateNew(DateTimeOffset.UnixEpoch);

    private readonly CipherCache _profileCiphers = new();

    public bool IsEnabled => provider is not null;

    /// <summary>The extension new backups get: <c>.zip</c>, or <c>.zip.enc</c> with encryption on.</summary>
    public string ArchiveExtension => IsEnabled ? ".zip" + Suffix : ".zip";

    public static bool IsEncryptedName(string path) => path.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>The key ring now in force (read through the provider's cache).</summary>
    public EncryptionKeyRing Ring() => provider?.GetKeyRing() ?? NoKeys;

    /// <summary>Encodes the serialized profile for <paramref name="path"/>: sealed under the current key, or as is.</summary>
    public byte[] EncodeProfile(byte[] json, string path) => IsEncryptedName(path) ? SealProfile(json, path) : json;

    /// <summary>Seals the serialized profile under the current key, for the encrypted file <paramref name="path"/>.</summary>
    public byte[] SealProfile(ReadOnlySpan<byte> json, string path) => EncryptedPayload.Encrypt(json, Ring().CurrentKey, FileRole.Profile, path);

    /// <summary>Decodes the stored bytes of the profile at <paramref name="path"/>.</summary>
    /// <exception cref="DataDecryptionException">An encrypted profile fails authentication, or its key is not in the ring.</exception>
    public byte[] DecodeProfile(byte[] stored, string path) =>
        IsEncryptedName(path) ? EncryptedPayload.Decrypt(stored, ReadingRing(stored, path), FileRole.Profile, path, _profileCiphers) : stored;

    /// <summary>
    /// Opens the archive bytes of the backup file <paramref name="file"/> (seekable, at its start) for reading: a
    /// <c>.zip.enc</c> is decrypted, every segment authenticated first so nothing is read from a file that would fail later.
    /// </summary>
    /// <exception cref="DataDecryptionException">The archive fails authentication, or its key is not in the ring.</exception>
    public Stream OpenArchive(Stream file, string path) => OpenArchive(file, path, authenticateAll: true);

    /// <summary>
    /// Opens the archive bytes of the backup file <paramref name="file"/> to read a small part of it, such as its metadata
    /// for a listing: a <c>.zip.enc</c> is decrypted segment by segment as it is read, each segment authenticated before
    /// any of its bytes are returned (the last one as the last, so a truncated file fails), but the segments not read are
    /// not checked. Never for what is written back to disk: a restore or re-encryption uses <see cref="OpenArchive(Stream, string)"/>.
    /// </summary>
    /// <exception cref="DataDecryptionException">The header or a segment read fails authentication, or its key is not in the ring.</exception>
    public Stream OpenArchiveToPeek(Stream file, string path) => OpenArchive(file, path, authenticateAll: false);

    private Stream OpenArchive(Stream file, string path, bool authenticateAll)
    {
        if (!IsEncryptedName(path))
        {
            return file;
        }

        var ring = provider is null ? KeyNotFound(file, path) : Ring();
        file.Position = 0;
        var plain = DecryptingStream.Open(file, ring, FileRole.Backup, path, leaveOpen: true);
        try
        {
            if (authenticateAll)
            {
                plain.AuthenticateAll();
            }

            return plain;
        }
        catch
        {
            plain.Dispose();
            throw;
        }
    }

    /// <summary>Writes an archive to <paramref name="file"/> through <paramref name="writeArchive"/>, encrypted when <paramref name="path"/> is a <c>.enc</c> name.</summary>
    public void WriteArchive(Stream file, string path, Action<Stream> writeArchive)
    {
        if (!IsEncryptedName(path))
        {
            writeArchive(file);
            return;
        }

        using var encrypting = new EncryptingStream(file, Ring().CurrentKey, FileRole.Backup, path, leaveOpen: true);
        writeArchive(encrypting);
        encrypting.Finish();
    }

    /// <summary>The id of the key a stored encrypted file names, or null when it is not one of ours.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> start) =>
        start.Length >= StreamHeader.Size && StreamHeader.HasMagic(start) ? StreamHeader.KeyIdOf(start) : null;

    private EncryptionKeyRing ReadingRing(ReadOnlySpan<byte> stored, string path)
    {
        if (provider is null)
        {
            throw DataDecryptionException.KeyNotFound(path, StreamHeader.Parse(stored, path).KeyId);
        }

        return Ring();
    }

    /// <summary>With encryption off, an encrypted file cannot be read: say which key it needs.</summary>
    private static EncryptionKeyRing KeyNotFound(Stream file, string path)
    {
        var header = StreamHeader.Read(file, path);
        throw DataDecryptionException.KeyNotFound(path, header.KeyId);
    }
}
