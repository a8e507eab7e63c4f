using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Serialization;

internal static partial class ProfileJsonWriter
{
    /// <summary>
    /// Writes <paramref name="profile"/> to <paramref name="destination"/> like <see cref="Write(Utf8JsonWriter, UserProfile)"/>,
    /// byte for byte, with a pool thread helping (see <see cref="Split"/>).
    /// </summary>
    /// <param name="destination">Receives the document; on failure it may hold part of one.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="itemsPerChunk">Items per chunk (tests use 1 to make many chunks of small profiles).</param>
    /// <param name="helperChunksFirst">
    /// For tests: the helper runs on this thread first, for at most this many chunks, so the meeting point is chosen;
    /// <see langword="null"/> runs it on the thread pool.
    /// </param>
    internal static void WriteSplit(IBufferWriter<byte> destination, UserProfile profile, int itemsPerChunk = Split.DefaultItemsPerChunk, int? helperChunksFirst = null)
    {
        using var split = new Split(profile, itemsPerChunk);
        if (helperChunksFirst is { } limit)
        {
            split.Help(limit);
            split.Write(destination);
            return;
        }

        var helper = OverlappedWork<bool>.Start(() => split.Help(), inParallel: true);
        try
        {
            split.Write(destination);
        }
        finally
        {
            // Before the helper's buffer goes back to the pool: a helper not yet started never runs.
            helper.CancelOrJoin();
        }
    }

    /// <summary>
    /// One profile written by two threads: for a large profile, serialization is the largest part of a save's CPU work
    /// (issue 7). The items of the education, work, project and certification arrays, all but each array's first, are
    /// cut into chunks. <see cref="Write"/> writes the document from the front, claiming chunks in order; <see cref="Help"/>,
    /// on another thread, claims chunks from the back and writes each into its own buffer, behind a throw-away
    /// <c>{"name": [</c> that puts its writer at the same depth, so its bytes are what the main writer would write there
    /// (indentation and depth limit included) but for the comma before the chunk's first item. Where the two meet, the
    /// main thread waits for the helper to stop and copies the helper's chunks in, each after a comma, between its own
    /// writes of the arrays' ends and starts; each array's first item is always written by the main thread, so its
    /// writer knows the array is not empty. No size estimate is needed: the threads split the work wherever they meet,
    /// and if <see cref="Help"/> is never called the main thread simply writes everything.
    /// </summary>
    /// <remarks>
    /// The caller must not dispose the split while <see cref="Help"/> runs. A failure in the helper is kept and thrown by
    /// the main thread when it reaches the chunk that failed, so the caller sees it where a single writer would have.
    /// </remarks>
    internal sealed class Split : IDisposable
    {
        /// <summary>Items of one array that one chunk holds: few, so the two threads finish close together.</summary>
        public const int DefaultItemsPerChunk = 4;

        private const int Unclaimed = 0;
        private const int ClaimedByMain = 1;
        private const int ClaimedByHelper = 2;

        private readonly UserProfile _profile;
        private readonly List<Chunk> _chunks = [];
        private readonly List<SplitArray> _arrays = [];
        private readonly int[] _owners;
        private readonly (int Start, int Length)[] _written;
        private readonly PooledBufferWriter _helperOutput;
        private readonly object _gate = new(); // a Monitor, not System.Threading.Lock: the main thread waits with Monitor.Wait
        private int _helpCalled;
        private bool _helperStopped;
        private ExceptionDispatchInfo? _helperError;
        private IBufferWriter<byte>? _destination;
        private int _nextArray;

        /// <summary>Plans the chunks of <paramref name="profile"/>'s arrays as they are now.</summary>
        /// <param name="profile">The profile.</param>
        /// <param name="itemsPerChunk">Items per chunk.</param>
        /// <param name="expectedBytes">
        /// The document's likely size (the last save's), if known: the helper's buffer starts at half of it, so the helper
        /// does not copy what it has written through ever larger buffers (64 KB doubled to 512 KB for a 1 MB profile).
        /// </param>
        public Split(UserProfile profile, int itemsPerChunk = DefaultItemsPerChunk, int expectedBytes = 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerChunk, 1);
            _profile = profile;

            // The arrays in the order Write writes them.
            Plan(Education, profile.Education, WriteEducation, itemsPerChunk);
            Plan(WorkExperience, profile.WorkExperience, WriteWork, itemsPerChunk);
            Plan(Projects, profile.Projects, WriteProject, itemsPerChunk);
            Plan(Certifications, profile.Certifications, WriteCertification, itemsPerChunk);
            _owners = new int[_chunks.Count];
            _written = new (int, int)[_chunks.Count];
            _helperOutput = new PooledBufferWriter(Math.Max(PooledBufferWriter.DefaultCapacity, (expectedBytes / 2) + 4096));
        }

        /// <summary>
        /// The helper's part, on any thread, at most once: claims chunks from the back until it meets the main thread
        /// (or has written <paramref name="limit"/>). Never throws.
        /// </summary>
        /// <returns><see langword="true"/>, so it can be the work of an <see cref="OverlappedWork{T}"/>.</returns>
        public bool Help(int limit = int.MaxValue)
        {
            if (Interlocked.Exchange(ref _helpCalled, 1) != 0)
            {
                return true;
            }

            try
            {
                using var writer = new Utf8JsonWriter(_helperOutput, Options);
                for (int c = _chunks.Count - 1, done = 0; c >= 0 && done < limit; c--, done++)
                {
                    if (Interlocked.CompareExchange(ref _owners[c], ClaimedByHelper, Unclaimed) != Unclaimed)
                    {
                        break;
                    }

                    var chunk = _chunks[c];
                    writer.Reset();
                    writer.WriteStartObject();
                    writer.WriteStartArray(chunk.ArrayName);
                    writer.Flush();
                    var start = _helperOutput.WrittenCount;
                    chunk.WriteItems(writer, chunk.From, chunk.To);
                    writer.Flush();
                    _written[c] = (start, _helperOutput.WrittenCount - start);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _helperError = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                lock (_gate)
                {
                    _helperStopped = true;
                    Monitor.PulseAll(_gate);
                }
            }

            return true;
        }

        /// <summary>The main thread's part: writes the whole document to <paramref name="destination"/>, at most once.</summary>
        public void Write(IBufferWriter<byte> destination)
        {
            if (_destination is not null)
            {
                throw new InvalidOperationException("A split profile is written once.");
            }

            _destination = destination;
            using var writer = new Utf8JsonWriter(destination, Options);
            ProfileJsonWriter.Write(writer, _profile, this);
        }

        public void Dispose() => _helperOutput.Dispose();

        /// <summary>Writes the items of the next array (the main writer has just started it).</summary>
        internal void WriteArrayItems(Utf8JsonWriter writer)
        {
            var array = _arrays[_nextArray++];
            if (array.ItemCount == 0)
            {
                return;
            }

            array.WriteItems(writer, 0, 1);
            for (var c = array.FirstChunk; c < array.FirstChunk + array.ChunkCount; c++)
            {
                if (Interlocked.CompareExchange(ref _owners[c], ClaimedByMain, Unclaimed) == Unclaimed)
                {
                    _chunks[c].WriteItems(writer, _chunks[c].From, _chunks[c].To);
                    continue;
                }

                WaitForHelper();
                writer.Flush();
                var (start, length) = _written[c];
                var target = _destination!.GetSpan(length + 1);
                target[0] = (byte)',';
                _helperOutput.WrittenSpan.Slice(start, length).CopyTo(target[1..]);
                _destination.Advance(length + 1);
            }
        }

        // Called only once the helper has claimed a chunk, so it is running and will stop.
        private void WaitForHelper()
        {
            lock (_gate)
            {
                while (!_helperStopped)
                {
                    Monitor.Wait(_gate);
                }
            }

            _helperError?.Throw();
        }

        private void Plan<T>(JsonEncodedText name, List<T> items, Action<Utf8JsonWriter, T?> writeItem, int itemsPerChunk)
            where T : class
        {
            void WriteRange(Utf8JsonWriter writer, int from, int to) => WriteItems(writer, items, writeItem, from, to);

            var firstChunk = _chunks.Count;
            for (var from = 1; from < items.Count; from += itemsPerChunk)
            {
                _chunks.Add(new Chunk(name, WriteRange, from, Math.Min(items.Count, from + itemsPerChunk)));
            }

            _arrays.Add(new SplitArray(items.Count, firstChunk, _chunks.Count - firstChunk, WriteRange));
        }

        private readonly record struct Chunk(JsonEncodedText ArrayName, Action<Utf8JsonWriter, int, int> WriteItems, int From, int To);

        private readonly record struct SplitArray(int ItemCount, int FirstChunk, int ChunkCount, Action<Utf8JsonWriter, int, int> WriteItems);
    }
}
