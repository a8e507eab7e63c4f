using System.Collections.Concurrent;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>A <see cref="UserDataManager.WatchProfile"/> callback that records every change and lets a test wait for the next one.</summary>
internal sealed class ChangeRecorder : IDisposable
{
    /// <summary>Generous: a wait only ends early when the change arrives; no test asserts how fast it came.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly BlockingCollection<ProfileChange> _pending = [];
    private readonly ConcurrentQueue<ProfileChange> _all = new();

    /// <summary>Gets or sets what the callback does after recording (e.g. throw, or block).</summary>
    public Action<ProfileChange>? Then { get; set; }

    public IReadOnlyList<ProfileChange> All => [.. _all];

    public void OnChanged(ProfileChange change)
    {
        _all.Enqueue(change);
        _pending.Add(change);
        Then?.Invoke(change);
    }

    /// <summary>Waits for the next change not yet taken; fails the test when none comes within <see cref="Wait"/>.</summary>
    public ProfileChange Next()
    {
        _pending.TryTake(out var change, Wait).Should().BeTrue("a change notification was expected within {0}", Wait);
        return change!;
    }

    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="interval"/> until the next change arrives (at most for
    /// <see cref="Wait"/>). A polling tick that finds a check still running skips it, by design: the next tick sees the
    /// change. With a fake clock that next tick comes only when the test advances it again.
    /// </summary>
    public ProfileChange NextWhileTicking(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan interval)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Wait)
        {
            time.Advance(interval);
            if (_pending.TryTake(out var change, TimeSpan.FromMilliseconds(50)))
            {
                return change;
            }
        }

        return Next();
    }

    /// <summary>Takes changes until one has <paramref name="lastUpdated"/>; returns every change taken, that one last.</summary>
    public IReadOnlyList<ProfileChange> Until(DateTime lastUpdated)
    {
        var taken = new List<ProfileChange>();
        do
        {
            taken.Add(Next());
        }
        while (taken[^1].LastUpdated != lastUpdated);
        return taken;
    }

    public void Dispose() => _pending.Dispose();
}
