using System.Buffers;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>, so serializing a
/// profile for a save allocates no buffer that grows with its size. It exists for speed and earns its keep at the
/// stress size (DESIGN §6): an <see cref="ArrayBufferWriter{T}"/> plus the copy out of it allocate three large-object-heap
/// arrays per save of a 1 MB profile, and the garbage collections they cause made up about a third of the save
/// (see the benchmarks' Mechanisms.md). Dispose returns the array; the written bytes are invalid afterwards.
/// Every array goes back to the pool with what was written in it zeroed: it held the user's profile in plaintext (even
/// with encryption on), and the shared pool hands arrays out uncleared to any code in the process.
/// </summary>
/// <param name="initialCapacity">The capacity to rent first.</param>
/// <param name="pool">The pool (tests give their own; <see cref="ArrayPool{T}.Shared"/> by default).</param>
internal sealed class PooledBufferWriter(int initialCapacity = PooledBufferWriter.DefaultCapacity, ArrayPool<byte>? pool = null) : IBufferWriter<byte>, IDisposable
{
    /// <summary>The capacity rented when none is given: enough for a typical profile.</summary>
    public const int DefaultCapacity = 64 * 1024;

    private readonly ArrayPool<byte> _pool = pool ?? ArrayPool<byte>.Shared;
    private byte[] _buffer = (pool ?? ArrayPool<byte>.Shared).Rent(initialCapacity);
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Gets the bytes written so far, valid until the next write or <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public int WrittenCount => _written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            // All of it: a serialization that failed may have left bytes it never advanced past the written part.
            ReturnCleared(buffer, buffer.Length);
        }
    }

    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var grown = _pool.Rent(checked(Math.Max(_buffer.Length * 2, _written + needed)));
        _buffer.AsSpan(0, _written).CopyTo(grown);
        ReturnCleared(_buffer, _written);
        _buffer = grown;
    }

    // On growth only the written part holds anything: a writer advances past all it wrote before it asks for more room.
    private void ReturnCleared(byte[] buffer, int length)
    {
        buffer.AsSpan(0, length).Clear();
        _pool.Return(buffer);
    }
}
