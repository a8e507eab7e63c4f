namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// A key provider that tells "no ring stored yet" apart from a ring (the built-in key file), so the library reads
/// without ever creating one (DESIGN §10): <see cref="DataEncryption"/> decrypts with <see cref="TryGetKeyRing"/>, and
/// lets <see cref="IEncryptionKeyProvider.GetKeyRing"/> create the first ring only when it must write encrypted data
/// and the data directory holds no encrypted file whose key that would hide. An application's own provider, which does
/// not implement this, keeps the public contract: its ring is read through <see cref="IEncryptionKeyProvider.GetKeyRing"/>.
/// </summary>
internal interface IKeyRingStore
{
    /// <summary>Gets where the ring is kept (the key file's absolute path), for the messages that say it is missing.</summary>
    string Location { get; }

    /// <summary>Reads the stored ring without creating anything.</summary>
    /// <returns>The ring, or <see langword="null"/> when none is stored (the key file does not exist).</returns>
    /// <exception cref="UserDataException">A ring is stored but cannot be read.</exception>
    EncryptionKeyRing? TryGetKeyRing();
}
