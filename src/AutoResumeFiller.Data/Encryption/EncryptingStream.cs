namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// A write-only stream that encrypts what is written to it into <see cref="SegmentCipher"/>'s STREAM format: the header,
/// then sealed 64 KiB segments. Memory stays at one segment whatever the size. The last segment is sealed only by
/// <see cref="Finish"/>: a stream disposed without it (a failed write) leaves a file that never authenticates, so an
/// interrupted write can never pass for a complete, shorter one.
/// </summary>
internal sealed class EncryptingStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly SegmentCipher _cipher;
    private readonly byte[] _plain = new byte[SegmentCipher.SegmentSize];
    private readonly byte[] _sealed = new byte[SegmentCipher.SealedSegmentSize];
    private int _buffered;
    private uint _index;
    private long _written;
    private bool _finished;

    public EncryptingStream(Stream inner, EncryptionKey key, FileRole role, string path, bool leaveOpen = false)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        var header = StreamHeader.CreateNew(key);
        _cipher = new SegmentCipher(header, key, role, path);
        _inner.Write(header.Bytes);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished;

    public override long Length => throw new NotSupportedException();

    /// <summary>Gets the count of plaintext bytes written so far (ZipArchive reads it while it writes).</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            if (_buffered == _plain.Length)
            {
                // More data follows a full segment, so that segment is not the last one.
                SealBuffered(isLast: false);
            }

            var count = Math.Min(buffer.Length, _plain.Length - _buffered);
            buffer[..count].CopyTo(_plain.AsSpan(_buffered));
            _buffered += count;
            _written += count;
            buffer = buffer[count..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Seals the last segment (possibly empty) and flushes the inner stream. Nothing may be written after.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        SealBuffered(isLast: true);
        _finished = true;
        _inner.Flush();
    }

    /// <summary>Flushes whole sealed segments only; the buffered tail stays until more data or <see cref="Finish"/>.</summary>
    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

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

    private void SealBuffered(bool isLast)
    {
        if (_index == uint.MaxValue)
        {
            throw new IOException("The data is too large for one encrypted file.");
        }

        _cipher.Seal(_index, isLast, _plain.AsSpan(0, _buffered), _sealed);
        _inner.Write(_sealed, 0, _buffered + SegmentCipher.TagSize);
        _index++;
        _buffered = 0;
    }
}
