using System.Buffers;
using System.Security.Cryptography;

namespace AutoResumeFiller.Data.Backups;

/// <summary>Copies a stream while computing its SHA-256, in one pass with a pooled buffer, so memory does not grow with file size.</summary>
internal static class HashingCopy
{
    private const int BufferSize = 256 * 1024;

    /// <summary>Copies at most <paramref name="limit"/> bytes; returns the bytes copied and the hash, or -1 bytes when the source had more.</summary>
    public static (long Bytes, string Sha256) Copy(Stream source, Stream? destination, long limit, Action<int>? onChunk, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = source.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                total += read;
                if (total > limit)
                {
                    return (-1, "");
                }

                hash.AppendData(buffer, 0, read);
                destination?.Write(buffer, 0, read);
                onChunk?.Invoke(read);
            }

            return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
