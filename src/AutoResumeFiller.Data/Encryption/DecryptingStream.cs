namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// A read-only, seekable view of the plaintext of a STREAM-encrypted file (see <see cref="SegmentCipher"/>). Each
/// segment is authenticated when it is first read; seeking decrypts only the segment it lands in (as Tink's seekable
/// decrypting channel does), so a ZIP archive inside can be read from its central directory with flat memory. The
/// plaintext length follows from the file's length, and the segment it makes last must carry the last-segment flag:
/// a truncated or extended file fails as soon as its end is read. <see cref="AuthenticateAll"/> checks every segment.
/// </summary>
internal sealed class DecryptingStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly SegmentCipher _cipher;
    private readonly string _path;
    private readonly long _segmentCount;
    private readonly byte[] _sealed = new byte[SegmentCipher.SealedSegmentSize];
    private readonly byte[] _plain = new byte[SegmentCipher.SegmentSize];
    private long _cachedSegment = -1;
    private int _cachedLength;
    private long _position;

    private DecryptingStream(Stream inner, SegmentCipher cipher, long bodyLength, string path, bool leaveOpen)
    {
        _inner = inner;
        _cipher = cipher;
        _path = path;
        _leaveOpen = leaveOpen;
        (_segmentCount, Length) = Measure(bodyLength, path);
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Opens the plaintext of the encrypted file in <paramref name="inner"/> (seekable, at the file's start).</summary>
    /// <exception cref="DataDecryptionException">The header is not ours, the ring lacks its key, or the length cannot be honest.</exception>
    public static DecryptingStream Open(Stream inner, EncryptionKeyRing ring, FileRole role, string path, bool leaveOpen = false)
    {
        var header = StreamHeader.Read(inner, path);
        var key = ring.FindKey(header.KeyId) ?? throw DataDecryptionException.KeyNotFound(path, header.KeyId);
        var cipher = new SegmentCipher(header, key, role, path);
        try
        {
            return new DecryptingStream(inner, cipher, inner.Length - StreamHeader.Size, path, leaveOpen);
        }
        catch
        {
            cipher.Dispose();
            throw;
        }
    }

    /// <summary>The segment count and plaintext length of an encrypted body (the file less its header) of <paramref name="bodyLength"/> bytes.</summary>
    /// <exception cref="DataDecryptionException">No honest file has that length (empty, or a last segment shorter than a tag).</exception>
    public static (long SegmentCount, long PlaintextLength) Measure(long bodyLength, string path)
    {
        var segmentCount = bodyLength <= 0 ? 0 : ((bodyLength - 1) / SegmentCipher.SealedSegmentSize) + 1;
        var lastSealed = bodyLength - ((segmentCount - 1) * SegmentCipher.SealedSegmentSize);
        if (segmentCount == 0 || lastSealed < SegmentCipher.TagSize || segmentCount > uint.MaxValue)
        {
            throw DataDecryptionException.AuthenticationFailed(path);
        }

        return (segmentCount, bodyLength - (segmentCount * SegmentCipher.TagSize));
    }

    /// <summary>Authenticates every segment, start to end; the position is left at the start.</summary>
    /// <exception cref="DataDecryptionException">Any segment fails.</exception>
    public void AuthenticateAll()
    {
        for (var segment = 0L; segment < _segmentCount; segment++)
        {
            LoadSegment(segment);
        }

        _position = 0;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var segment = _position / SegmentCipher.SegmentSize;
        LoadSegment(segment);
        var offset = (int)(_position - (segment * SegmentCipher.SegmentSize));
        var count = Math.Min(buffer.Length, _cachedLength - offset);
        _plain.AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cipher.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void LoadSegment(long segment)
    {
        if (segment == _cachedSegment)
        {
            return;
        }

        _cachedSegment = -1;
        var isLast = segment == _segmentCount - 1;
        var sealedLength = isLast
            ? (int)(Length - (segment * SegmentCipher.SegmentSize)) + SegmentCipher.TagSize
            : SegmentCipher.SealedSegmentSize;
        _inner.Position = StreamHeader.Size + (segment * SegmentCipher.SealedSegmentSize);
        if (_inner.ReadAtLeast(_sealed.AsSpan(0, sealedLength), sealedLength, throwOnEndOfStream: false) != sealedLength)
        {
            throw DataDecryptionException.AuthenticationFailed(_path);
        }

        _cipher.Open((uint)segment, isLast, _sealed.AsSpan(0, sealedLength), _plain);
        _cachedSegment = segment;
        _cachedLength = sealedLength - SegmentCipher.TagSize;
    }
}
