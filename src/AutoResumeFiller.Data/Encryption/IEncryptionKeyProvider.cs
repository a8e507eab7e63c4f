namespace AutoResumeFiller.Data;

/// <summary>
/// Keeps the encryption key ring somewhere safe outside the data directory: a key file
/// (<see cref="EncryptionKeyProviders.KeyFile"/>), a file protected by DPAPI
/// (<see cref="EncryptionKeyProviders.WindowsDataProtection"/>), or an application's own store (an OS keychain, a
/// secret service). Set it as <see cref="UserDataManagerOptions.Encryption"/> to encrypt the data at rest.
/// </summary>
/// <remarks>
/// Called on every load, save and backup: an implementation should cache the ring and notice when another process
/// changed it. Implementations must be thread-safe. Losing the ring makes the data unrecoverable: keep a copy apart.
/// The built-in key files are read without ever being created (see <see cref="EncryptionKeyProviders.KeyFile"/>); an
/// implementation of this interface is asked for its ring through <see cref="GetKeyRing"/> for reads too.
/// </remarks>
public interface IEncryptionKeyProvider
{
    /// <summary>Gets the key ring, creating it with one random key on first use.</summary>
    /// <returns>The ring now stored.</returns>
    /// <exception cref="UserDataException">The ring exists but cannot be read.</exception>
    EncryptionKeyRing GetKeyRing();

    /// <summary>Replaces the stored ring atomically (a crash leaves the old ring or the new one, never a mix).</summary>
    /// <param name="keyRing">The ring to store.</param>
    /// <exception cref="UserDataException">The ring cannot be written.</exception>
    void SaveKeyRing(EncryptionKeyRing keyRing);
}
