using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The save's serialization buffer: what is written is what is read back, across every growth of the rented array,
/// its bounds are checked like <see cref="System.Buffers.ArrayBufferWriter{T}"/>'s, and it cannot be used once returned.
/// </summary>
public class PooledBufferWriterTests
{
    [Fact]
    public void Write_ManyChunksPastSeveralGrowths_KeepsEveryByteInOrder()
    {
        using var writer = new PooledBufferWriter(initialCapacity: 16);
        var expected = new List<byte>();
        for (var chunk = 0; chunk < 200; chunk++)
        {
            var length = 1 + (chunk * 7 % 53);
            var span = writer.GetSpan(length);
            for (var i = 0; i < length; i++)
            {
                span[i] = (byte)(chunk + i);
                expected.Add((byte)(chunk + i));
            }

            writer.Advance(length);
        }

        writer.WrittenCount.Should().Be(expected.Count);
        writer.WrittenSpan.ToArray().Should().Equal(expected);
        writer.WrittenMemory.ToArray().Should().Equal(expected);
    }

    [Fact]
    public void GetMemory_SizeHintLargerThanTwiceTheCapacity_ReturnsAtLeastTheHint()
    {
        using var writer = new PooledBufferWriter(initialCapacity: 16);
        writer.GetSpan(3)[..3].Fill(7);
        writer.Advance(3);

        var memory = writer.GetMemory(10_000);

        memory.Length.Should().BeGreaterThanOrEqualTo(10_000);
        writer.WrittenSpan.ToArray().Should().Equal(7, 7, 7);
    }

    [Fact]
    public void GetSpan_ZeroHint_ReturnsAtLeastOneByte()
    {
        using var writer = new PooledBufferWriter(initialCapacity: 1);
        writer.GetSpan(1)[0] = 1;
        writer.Advance(1);

        writer.GetSpan().Length.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Advance_PastTheSpanGiven_ThrowsAndWritesNothing()
    {
        using var writer = new PooledBufferWriter(initialCapacity: 16);
        var available = writer.GetSpan().Length;

        var advance = () => writer.Advance(available + 1);

        advance.Should().Throw<ArgumentOutOfRangeException>();
        writer.WrittenCount.Should().Be(0);
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        using var writer = new PooledBufferWriter();

        var advance = () => writer.Advance(-1);

        advance.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void GetSpan_AfterDispose_ThrowsObjectDisposed()
    {
        var writer = new PooledBufferWriter();
        writer.GetSpan(4)[..4].Fill(1);
        writer.Advance(4);
        writer.Dispose();

        Action getSpan = () => writer.GetSpan();

        getSpan.Should().Throw<ObjectDisposedException>();
        writer.WrittenCount.Should().Be(0);
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var writer = new PooledBufferWriter();
        writer.Dispose();

        var again = writer.Dispose;

        again.Should().NotThrow();
    }

    [Fact]
    public void DisposeAndGrowth_EveryArrayGoesBackToThePoolZeroed()
    {
        // The arrays held the user's profile in plaintext; the shared pool hands them out uncleared.
        var pool = new RecordingPool();
        var writer = new PooledBufferWriter(initialCapacity: 16, pool);
        for (var i = 0; i < 10; i++)
        {
            writer.GetSpan(40)[..40].Fill(0xAB);
            writer.Advance(40);
        }

        writer.GetSpan(8)[..8].Fill(0xCD); // written but never advanced, as by a serialization that failed
        writer.Dispose();

        pool.Returned.Should().HaveCountGreaterThan(2, "the buffer grew from 16 bytes to hold 400");
        pool.Returned.Should().OnlyContain(array => array.All(b => b == 0));
        pool.Returned.Should().HaveSameCount(pool.Rented);
        pool.Rented.Should().OnlyContain(array => pool.Returned.Contains(array), "every rented array is returned, once");
    }

    private sealed class RecordingPool : System.Buffers.ArrayPool<byte>
    {
        public List<byte[]> Rented { get; } = [];

        public List<byte[]> Returned { get; } = [];

        public override byte[] Rent(int minimumLength)
        {
            var array = new byte[minimumLength];
            Rented.Add(array);
            return array;
        }

        public override void Return(byte[] array, bool clearArray = false) => Returned.Add(array);
    }
}
