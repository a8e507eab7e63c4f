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
