using System.Runtime.Versioning;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data;

/// <summary>The built-in places to keep the encryption key ring; see <see cref="UserDataManagerOptions.Encryption"/>.</summary>
public static class EncryptionKeyProviders
{
    /// <summary>
    /// A key ring in the file <paramref name="path"/>, created with one random 256-bit key on first use, private to the
    /// user (mode 0600 on POSIX; on Windows a protected ACL of the user and SYSTEM only on every version written), written
    /// atomically. Keep it outside the data directory (a manager refuses a key file inside it), so a copied or synced data
    /// folder is useless alone, and keep a copy of it apart from the data: without it the data cannot be decrypted. One
    /// key file per data directory: a key rotation drops the old keys that directory no longer uses.
    /// </summary>
    /// <remarks>
    /// A manager creates the file only when it must write encrypted data and the data directory holds no encrypted file.
    /// Reading (load, verify, list, restore's checks, watch) never creates it: with the file missing, encrypted data
    /// fails with <see cref="DataDecryptionException"/>, whose suggestion names <paramref name="path"/>; so does a write
    /// beside encrypted data, whose key a new file would hide. Calling <see cref="IEncryptionKeyProvider.GetKeyRing"/>
    /// yourself still creates the file when it does not exist.
    /// </remarks>
    /// <param name="path">The key file; <c>~</c> expands to the home folder.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or blank.</exception>
    public static IEncryptionKeyProvider KeyFile(string path) => new KeyRingFileProvider(path, protector: null);

    /// <summary>
    /// As <see cref="KeyFile"/>, but the file is also encrypted with Windows DPAPI for the current user, so it is useless
    /// to another account or on another machine (back it up knowing that a Windows reinstall loses the DPAPI master key).
    /// </summary>
    /// <param name="path">The key file; <c>~</c> expands to the home folder.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or blank.</exception>
    [SupportedOSPlatform("windows")]
    public static IEncryptionKeyProvider WindowsDataProtection(string path) =>
        new KeyRingFileProvider(path, new WindowsDataProtectionProtector());
}
