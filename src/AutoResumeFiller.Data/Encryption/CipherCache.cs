namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// Keeps the <see cref="SegmentCipher"/> of the last profile file decrypted, so loading an unchanged profile again skips
/// the HKDF derivation and AES key schedule (measured: about as long as decrypting the 30 KB profile itself). One cipher
/// at a time is handed out: a concurrent load builds its own, so a cipher is never used by two threads at once.
/// </summary>
internal sealed class CipherCache
{
    private SegmentCipher? _last;

    /// <summary>The cached cipher when it opens this file (taken out of the cache), else null.</summary>
    public SegmentCipher? Take(ReadOnlySpan<byte> header, EncryptionKey key, FileRole role, string path)
    {
        var cached = Interlocked.Exchange(ref _last, null);
        if (cached is null || cached.Opens(header, key, role, path))
        {
            return cached;
        }

        cached.Dispose();
        return null;
    }

    /// <summary>Puts a cipher back as the last one used.</summary>
    public void Return(SegmentCipher cipher) => Interlocked.Exchange(ref _last, cipher)?.Dispose();
}
