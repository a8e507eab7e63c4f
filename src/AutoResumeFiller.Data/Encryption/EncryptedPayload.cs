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
    /// <param name="encrypted">The whole file.</param>
    /// <param name="ring">The keys.</param>
    /// <param name="role">What the file must be.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="cache">
    /// Where the cipher of the last file opened is kept (null: none): the per-file key derivation and AES key schedule
    /// cost as much as decrypting a 30 KB profile, and a profile is loaded again and again while it does not change.
    /// </param>
    public static byte[] Decrypt(ReadOnlySpan<byte> encrypted, EncryptionKeyRing ring, FileRole role, string path, CipherCache? cache = null)
    {
        var header = StreamHeader.Parse(encrypted, path);
        var key = ring.FindKey(header.KeyId) ?? throw DataDecryptionException.KeyNotFound(path, header.KeyId);
        var body = encrypted[StreamHeader.Size..];
        var (segments, plaintextLength) = DecryptingStream.Measure(body.Length, path);
        var output = new byte[plaintextLength];
        var cipher = cache?.Take(header.Bytes, key, role, path) ?? new SegmentCipher(header, key, role, path);
        try
        {
            OpenAll(cipher, body, segments, output);
        }
        catch
        {
            cipher.Dispose();
            throw;
        }

        if (cache is null)
        {
            cipher.Dispose();
        }
        else
        {
            cache.Return(cipher);
        }

        return output;
    }

    private static void OpenAll(SegmentCipher cipher, ReadOnlySpan<byte> body, long segments, byte[] output)
    {
        for (var index = 0; index < segments; index++)
        {
            var start = index * SegmentCipher.SealedSegmentSize;
            var sealedSegment = body.Slice(start, Math.Min(SegmentCipher.SealedSegmentSize, body.Length - start));
            cipher.Open((uint)index, index == segments - 1, sealedSegment, output.AsSpan(index * SegmentCipher.SegmentSize));
        }
    }

    private static int SegmentCount(long plaintextLength) =>
        plaintextLength == 0 ? 1 : (int)(((plaintextLength - 1) / SegmentCipher.SegmentSize) + 1);
}
