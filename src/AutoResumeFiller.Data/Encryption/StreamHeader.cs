using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// The versioned header at the start of every encrypted file (53 bytes), authenticated as associated data of every
/// segment, so no bit of it can change without the file failing to decrypt:
/// <code>
/// offset size
///  0     4   magic "ARFE"
///  4     1   format version (1)
///  5     1   algorithm (1 = AES-256-GCM STREAM, 64 KiB segments, HKDF-SHA256 per-file key)
///  6     8   key id (the ring key that derived this file's key)
/// 14    32   salt (random per file; HKDF salt of the per-file key)
/// 46     7   nonce prefix (random per file)
/// </code>
/// </summary>
internal sealed class StreamHeader
{
    public const int Size = 53;
    public const byte CurrentVersion = 1;
    public const byte AesGcmStreamAlgorithm = 1;
    public const int SaltSize = 32;
    public const int NoncePrefixSize = 7;

    private static ReadOnlySpan<byte> Magic => "ARFE"u8;

    private StreamHeader(byte[] bytes)
    {
        Bytes = bytes;
    }

    /// <summary>Gets the header as written: the associated data of every segment, with the role.</summary>
    public byte[] Bytes { get; }

    public string KeyId => Convert.ToHexStringLower(Bytes.AsSpan(6, EncryptionKey.IdSize));

    public ReadOnlySpan<byte> Salt => Bytes.AsSpan(14, SaltSize);

    public ReadOnlySpan<byte> NoncePrefix => Bytes.AsSpan(46, NoncePrefixSize);

    /// <summary>A header for a new file encrypted with <paramref name="key"/>: fresh random salt and nonce prefix.</summary>
    public static StreamHeader CreateNew(EncryptionKey key)
    {
        var bytes = new byte[Size];
        Magic.CopyTo(bytes);
        bytes[4] = CurrentVersion;
        bytes[5] = AesGcmStreamAlgorithm;
        Convert.FromHexString(key.Id).CopyTo(bytes.AsSpan(6));
        RandomNumberGenerator.Fill(bytes.AsSpan(14, SaltSize + NoncePrefixSize));
        return new StreamHeader(bytes);
    }

    /// <summary>Whether <paramref name="start"/> begins with this format's magic (a cheap sniff; proves nothing).</summary>
    public static bool HasMagic(ReadOnlySpan<byte> start) => start.StartsWith(Magic);

    /// <summary>Parses a header; a wrong magic, an unknown version or algorithm, or a short read is an authentication failure.</summary>
    /// <exception cref="DataDecryptionException">Not a header this version understands.</exception>
    public static StreamHeader Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < Size || !bytes.StartsWith(Magic) || bytes[4] != CurrentVersion || bytes[5] != AesGcmStreamAlgorithm)
        {
            throw DataDecryptionException.AuthenticationFailed(path);
        }

        return new StreamHeader(bytes[..Size].ToArray());
    }

    /// <summary>Reads and parses the header at the stream's current position.</summary>
    /// <exception cref="DataDecryptionException">Not a header this version understands.</exception>
    public static StreamHeader Read(Stream stream, string path)
    {
        Span<byte> buffer = stackalloc byte[Size];
        var read = stream.ReadAtLeast(buffer, Size, throwOnEndOfStream: false);
        return Parse(buffer[..read], path);
    }

    /// <summary>The key id of the header at the start of <paramref name="bytes"/>, as 16 lower-case hex digits.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes.Slice(6, EncryptionKey.IdSize));

    /// <summary>Writes the 12-byte AES-GCM nonce of a segment: prefix ‖ big-endian segment index ‖ last-segment flag.</summary>
    public void WriteNonce(Span<byte> nonce, uint segmentIndex, bool isLast)
    {
        NoncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixSize..], segmentIndex);
        nonce[NoncePrefixSize + 4] = isLast ? (byte)1 : (byte)0;
    }
}
