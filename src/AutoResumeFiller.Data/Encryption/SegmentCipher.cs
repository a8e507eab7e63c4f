using System.Security.Cryptography;
using System.Text;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// Encrypts and decrypts the segments of one file with AES-256-GCM (the BCL's <see cref="AesGcm"/>) in the STREAM
/// construction of Hoang, Reyhanitabar, Rogaway and Vizár, "Online Authenticated-Encryption and its Nonce-Reuse
/// Misuse-Resistance" (CRYPTO 2015), as Tink's AES-GCM-HKDF streaming AEAD and age use it:
/// <list type="bullet">
/// <item>a per-file key, HKDF-SHA256 of the ring key with the header's random salt (so nonces never repeat across files);</item>
/// <item>64 KiB plaintext segments, each sealed with the nonce prefix ‖ segment index ‖ last-segment flag, so a
/// reordered, dropped, repeated or truncated segment, or bytes appended after the last one, fail authentication;</item>
/// <item>the whole header and the file's role as associated data of every segment.</item>
/// </list>
/// </summary>
internal sealed class SegmentCipher : IDisposable
{
    public const int SegmentSize = 64 * 1024;
    public const int TagSize = 16;
    public const int SealedSegmentSize = SegmentSize + TagSize;

    private const int NonceSize = 12;

    private static readonly byte[] KeyInfo = Encoding.ASCII.GetBytes("AutoResumeFiller.Data STREAM AES-256-GCM v1");

    private readonly AesGcm _aes;
    private readonly StreamHeader _header;
    private readonly byte[] _associatedData;
    private readonly string _path;
    private readonly EncryptionKey _key;
    private readonly FileRole _role;

    public SegmentCipher(StreamHeader header, EncryptionKey key, FileRole role, string path)
    {
        _header = header;
        _path = path;
        _key = key;
        _role = role;
        Span<byte> fileKey = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, fileKey, header.Salt, KeyInfo);
        _aes = new AesGcm(fileKey, TagSize);
        CryptographicOperations.ZeroMemory(fileKey);
        _associatedData = [.. header.Bytes, (byte)role];
    }

    /// <summary>Seals one segment: <paramref name="sealedSegment"/> receives the ciphertext followed by the 16-byte tag.</summary>
    public void Seal(uint index, bool isLast, ReadOnlySpan<byte> plaintext, Span<byte> sealedSegment)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        _header.WriteNonce(nonce, index, isLast);
        _aes.Encrypt(nonce, plaintext, sealedSegment[..plaintext.Length], sealedSegment.Slice(plaintext.Length, TagSize), _associatedData);
    }

    /// <summary>Opens one sealed segment (ciphertext ‖ tag) into <paramref name="plaintext"/>.</summary>
    /// <exception cref="DataDecryptionException">The segment, its position, its last-segment flag or the header was changed.</exception>
    public void Open(uint index, bool isLast, ReadOnlySpan<byte> sealedSegment, Span<byte> plaintext)
    {
        if (sealedSegment.Length < TagSize)
        {
            throw DataDecryptionException.AuthenticationFailed(_path);
        }

        Span<byte> nonce = stackalloc byte[NonceSize];
        _header.WriteNonce(nonce, index, isLast);
        var length = sealedSegment.Length - TagSize;
        try
        {
            _aes.Decrypt(nonce, sealedSegment[..length], sealedSegment[length..], plaintext[..length], _associatedData);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw DataDecryptionException.AuthenticationFailed(_path, ex);
        }
    }

    /// <summary>Whether this cipher opens the file whose header is <paramref name="header"/> (same salt, nonce prefix and key).</summary>
    public bool Opens(ReadOnlySpan<byte> header, EncryptionKey key, FileRole role, string path) =>
        role == _role && path == _path && header.SequenceEqual(_header.Bytes)
        && CryptographicOperations.FixedTimeEquals(key.Material, _key.Material);

    public void Dispose() => _aes.Dispose();
}
