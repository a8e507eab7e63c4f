using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Watching;

/// <summary>Dispose against a callback under way: it waits for it, and nothing runs after it returns.</summary>
public class WatchProfileDisposeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Dispose_CallbackRunning_ReturnsOnlyAfterItFinishesAndNoCallbackFollows()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var calls = 0;
        var watch = manager.WatchProfile(_ =>
        {
            Interlocked.Increment(ref calls);
            entered.Set();
            release.Wait(ChangeRecorder.Wait, TestContext.Current.CancellationToken);
        });
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        var tick = Task.Run(() => context.Time.Advance(Interval), TestContext.Current.CancellationToken);
        entered.Wait(ChangeRecorder.Wait, TestContext.Current.CancellationToken).Should().BeTrue();

        var dispose = Task.Run(watch.Dispose, TestContext.Current.CancellationToken);
        var finishedEarly = await Task.WhenAny(dispose, Task.Delay(200, TestContext.Current.CancellationToken)) == dispose;
        release.Set();
        await dispose.WaitAsync(ChangeRecorder.Wait, TestContext.Current.CancellationToken);
        await tick.WaitAsync(ChangeRecorder.Wait, TestContext.Current.CancellationToken);

        finishedEarly.Should().BeFalse("Dispose must wait for the callback under way");
        context.Time.Advance(TimeSpan.FromMinutes(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("After"));
        context.Time.Advance(Interval);
        calls.Should().Be(1);
    }

    [Fact]
    public void Dispose_FromTheCallbackItself_ReturnsAndStopsTheWatch()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        IDisposable? watch = null;
        var calls = 0;
        watch = manager.WatchProfile(_ =>
        {
            calls++;
            watch!.Dispose();
        });

        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(Interval);
        context.Time.Advance(TimeSpan.FromMinutes(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("After"));
        context.Time.Advance(Interval);

        calls.Should().Be(1);
    }

    [Fact]
    public async Task WatchProfile_ManyThreadsWatchAndDispose_EachWatchIndependentAndStops()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var counts = new int[16];

        var watches = await Task.WhenAll(Enumerable.Range(0, counts.Length).Select(i =>
            Task.Run(() => manager.WatchProfile(_ => Interlocked.Increment(ref counts[i])), TestContext.Current.CancellationToken)));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(Interval);
        await Task.WhenAll(watches.Select(w => Task.Run(w.Dispose, TestContext.Current.CancellationToken)));
        context.Time.Advance(TimeSpan.FromMinutes(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("After"));
        context.Time.Advance(Interval);

        counts.Should().OnlyContain(c => c == 1);
    }
}
