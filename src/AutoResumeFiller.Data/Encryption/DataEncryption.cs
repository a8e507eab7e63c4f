namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// The encode/decode step of the pipeline (DESIGN §7, §10) for one manager: identity when
/// <see cref="UserDataManagerOptions.Encryption"/> is null; otherwise the profile is sealed in memory before anything
/// reaches the disk, and backup archives are streamed through <see cref="EncryptingStream"/> / <see cref="DecryptingStream"/>.
/// Whether a file is encrypted is decided by its name (<c>.enc</c>), never by sniffing its content: a plaintext file put
/// in place of an encrypted one is refused, not trusted.
/// </summary>
/// <remarks>
/// Reading never creates a key ring: with the key file missing, encrypted data fails with
/// <see cref="DataDecryptionException"/> saying where the key file was expected. A first ring is created only to write
/// encrypted data (<see cref="RingForWriting"/>), and never while <paramref name="storedFiles"/> holds encrypted files:
/// their key file was lost, and a new one would hide it and collide with the user's copy when it is put back.
/// </remarks>
/// <param name="provider">The key ring's keeper; null = encryption off.</param>
/// <param name="storedFiles">The data directory's files, looked at before a first ring is created; null where nothing is written (verification alone).</param>
internal sealed class DataEncryption(IEncryptionKeyProvider? provider, StoredDataFiles? storedFiles = null)
{
    /// <summary>The suffix of every encrypted file.</summary>
    public const string Suffix = ".enc";

    private readonly CipherCache _profileCiphers = new();

    public bool IsEnabled => provider is not null;

    /// <summary>The extension new backups get: <c>.zip</c>, or <c>.zip.enc</c> with encryption on.</summary>
    public string ArchiveExtension => IsEnabled ? ".zip" + Suffix : ".zip";

    public static bool IsEncryptedName(string path) => path.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>
    /// The key ring new data is encrypted with (read through the provider's cache). A key file that does not exist yet
    /// is created here, with one random key, unless the data directory already holds encrypted files.
    /// </summary>
    /// <exception cref="DataDecryptionException">The key file does not exist and the data directory holds encrypted files.</exception>
    /// <exception cref="InvalidOperationException">Encryption is off (a bug: nothing is written encrypted then).</exception>
    public EncryptionKeyRing RingForWriting()
    {
        if (provider is null)
        {
            throw new InvalidOperationException("Encryption is off: no encrypted file is written.");
        }

        if (provider is not IKeyRingStore store)
        {
            return provider.GetKeyRing();
        }

        if (store.TryGetKeyRing() is { } ring)
        {
            return ring;
        }

        if (storedFiles?.FirstEncrypted() is { } orphan)
        {
            throw DataDecryptionException.KeyFileMissing(store.Location, orphan.Path, orphan.KeyId);
        }

        return provider.GetKeyRing();
    }

    /// <summary>Encodes the serialized profile for <paramref name="path"/>: sealed under the current key, or as is.</summary>
    public byte[] EncodeProfile(byte[] json, string path) => IsEncryptedName(path) ? SealProfile(json, path) : json;

    /// <summary>Seals the serialized profile under the current key, for the encrypted file <paramref name="path"/>.</summary>
    public byte[] SealProfile(ReadOnlySpan<byte> json, string path) => EncryptedPayload.Encrypt(json, RingForWriting().CurrentKey, FileRole.Profile, path);

    /// <summary>Decodes the stored bytes of the profile at <paramref name="path"/>.</summary>
    /// <exception cref="DataDecryptionException">An encrypted profile fails authentication, or its key is not in the ring (or there is no ring).</exception>
    public byte[] DecodeProfile(byte[] stored, string path)
    {
        if (!IsEncryptedName(path))
        {
            return stored;
        }

        var ring = StoredRing() ?? throw NoRing(path, StreamHeader.Parse(stored, path).KeyId);
        return EncryptedPayload.Decrypt(stored, ring, FileRole.Profile, path, _profileCiphers);
    }

    /// <summary>
    /// Opens the archive bytes of the backup file <paramref name="file"/> (seekable, at its start) for reading: a
    /// <c>.zip.enc</c> is decrypted, every segment authenticated first so nothing is read from a file that would fail later.
    /// </summary>
    /// <exception cref="DataDecryptionException">The archive fails authentication, or its key is not in the ring (or there is no ring).</exception>
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

        var ring = StoredRing() ?? throw NoRing(path, StreamHeader.Read(file, path).KeyId);
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

        using var encrypting = new EncryptingStream(file, RingForWriting().CurrentKey, FileRole.Backup, path, leaveOpen: true);
        writeArchive(encrypting);
        encrypting.Finish();
    }

    /// <summary>The id of the key a stored encrypted file names, or null when it is not one of ours.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> start) =>
        start.Length >= StreamHeader.Size && StreamHeader.HasMagic(start) ? StreamHeader.KeyIdOf(start) : null;

    /// <summary>The ring to decrypt with, never created here: null with encryption off, or when the key file does not exist.</summary>
    private EncryptionKeyRing? StoredRing() => provider switch
    {
        null => null,
        IKeyRingStore store => store.TryGetKeyRing(),
        _ => provider.GetKeyRing(), // an application's own provider: its public contract
    };

    /// <summary>Why an encrypted file cannot be read without a ring: encryption is off, or the key file is missing.</summary>
    private DataDecryptionException NoRing(string path, string keyId) => provider is IKeyRingStore store
        ? DataDecryptionException.KeyFileMissing(store.Location, path, keyId)
        : DataDecryptionException.KeyNotFound(path, keyId);
}
