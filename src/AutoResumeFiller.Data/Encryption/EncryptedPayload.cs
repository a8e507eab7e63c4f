namespace AutoResumeFiller.Data.Encryption;

/// <summary>Whole-buffer encryption and decryption in the STREAM format of <see cref="SegmentCipher"/>, for the profile (tens of KB, held in memory anyway).</summary>
internal static class EncryptedPayload
{
    /// <summary>The size of the encrypted form of <paramref name="plaintextLength"/> bytes.</summary>
    public static long EncryptedLength(long plaintextLength) =>
        StreamHeader.Size + plaintextLength + (SegmentCount(plaintextLength) * SegmentCipher.TagSize);

    /// <summary>Encrypts <paramref name="plaintext"/> under <paramref name="key"/> for <paramref name="role"/>.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, EncryptionKey key, FileRole role, string path)
    {
        var header = StreamHeader.CreateNew(key);
        var output = new byte[EncryptedLength(plaintext.Length)];
        header.Bytes.CopyTo(output, 0);
        using var cipher = new SegmentCipher(header, key, role, path);
        var segments = SegmentCount(plaintext.Length);
        var written = StreamHeader.Size;
        for (var index = 0; index < segments; index++)
        {
            var chunk = plaintext.Slice(index * SegmentCipher.SegmentSize, Math.Min(SegmentCipher.SegmentSize, plaintext.Length - (index * SegmentCipher.SegmentSize)));
            cipher.Seal((uint)index, index == segments - 1, chunk, output.AsSpan(written, chunk.Length + SegmentCipher.TagSize));
            written += chunk.Length + SegmentCipher.TagSize;
        }

        return output;
    }

    /// <summary>Decrypts a whole encrypted file, authenticating every segment.</summary>
    /// <exception cref="DataDecryptionException">It fails authentication, or the ring lacks its key.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> encrypted, EncryptionKeyRing ring, FileRole role, string path)
    {
        var header = StreamHeader.Parse(encrypted, path);
        var key = ring.FindKey(header.KeyId) ?? throw DataDecryptionException.KeyNotFound(path, header.KeyId);
        var body = encrypted[StreamHeader.Size..];
        var (segments, plaintextLength) = DecryptingStream.Measure(body.Length, path);
        var output = new byte[plaintextLength];
        using var cipher = new SegmentCipher(header, key, role, path);
        for (var index = 0; index < segments; index++)
        {
            var start = index * SegmentCipher.SealedSegmentSize;
            var sealedSegment = body.Slice(start, Math.Min(SegmentCipher.SealedSegmentSize, body.Length - start));
            cipher.Open((uint)index, index == segments - 1, sealedSegment, output.AsSpan(index * SegmentCipher.SegmentSize));
        }

        return output;
    }

    private static int SegmentCount(long plaintextLength) =>
        plaintextLength == 0 ? 1 : (int)(((plaintextLength - 1) / SegmentCipher.SegmentSize) + 1);
}
