namespace AutoResumeFiller.Data.Encryption;

/// <summary>How a key ring file's bytes are protected at rest, beyond the file's permissions (DPAPI on Windows; none for a plain key file).</summary>
internal interface IKeyRingProtector
{
    byte[] Protect(byte[] keyRingJson);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The bytes cannot be unprotected (another user, another machine, damage).</exception>
    byte[] Unprotect(byte[] stored);
}
