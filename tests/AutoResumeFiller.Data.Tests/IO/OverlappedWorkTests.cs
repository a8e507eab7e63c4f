using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Tests.IO;

public class OverlappedWorkTests
{
    [Fact]
    public void Join_NotInParallel_RunsTheWorkOnTheCallingThreadOnlyWhenJoined()
    {
        var runs = 0;
        var thread = -1;
        var work = OverlappedWork<string>.Start(() => { runs++; thread = Environment.CurrentManagedThreadId; return "done"; }, inParallel: false);

        runs.Should().Be(0);
        work.Join().Should().Be("done");
        runs.Should().Be(1);
        thread.Should().Be(Environment.CurrentManagedThreadId);
    }

    [Fact]
    public void Join_InParallel_ReturnsTheResultAndRunsTheWorkExactlyOnce()
    {
        for (var i = 0; i < 200; i++)
        {
            var runs = 0;
            var work = OverlappedWork<int>.Start(() => Interlocked.Increment(ref runs), inParallel: true);

            work.Join().Should().Be(1);
            Volatile.Read(ref runs).Should().Be(1);
        }
    }

    [Theory]
    [InlineData("Join")]
    [InlineData("CancelOrJoin")]
    public void JoinOrCancel_InParallel_WaitsForWorkAlreadyRunningOnThePool(string ending)
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var poolThread = -1;
        var work = OverlappedWork<string>.Start(
            () =>
            {
                poolThread = Environment.CurrentManagedThreadId;
                started.Set();
                release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
                return "from the pool";
            },
            inParallel: true);
        Func<string?> end = ending == "Join" ? work.Join : work.CancelOrJoin;
        var token = TestContext.Current.CancellationToken;
        started.Wait(TimeSpan.FromSeconds(30), token).Should().BeTrue("a pool thread picks the work up");

        using var ended = new ManualResetEventSlim();
        string? result = null;
        var waiter = new Thread(() =>
        {
            result = end();
            ended.Set();
        });
        waiter.Start();
        ended.Wait(TimeSpan.FromMilliseconds(50), token).Should().BeFalse("work that has started is waited for");
        release.Set();

        ended.Wait(TimeSpan.FromSeconds(30), token).Should().BeTrue();
        waiter.Join();
        result.Should().Be("from the pool");
        poolThread.Should().NotBe(Environment.CurrentManagedThreadId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Join_WorkThrows_RethrowsTheSameExceptionWithItsStack(bool inParallel)
    {
        var failure = new InvalidOperationException("boom");
        var work = OverlappedWork<string>.Start(() => throw failure, inParallel);

        var join = () => work.Join();

        join.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(failure);
    }

    [Fact]
    public void CancelOrJoin_NotStarted_NeverRunsTheWork()
    {
        var runs = 0;
        var work = OverlappedWork<string>.Start(() => { runs++; return "done"; }, inParallel: false);

        work.CancelOrJoin().Should().BeNull();
        work.Join().Should().BeNull("a cancelled work has no result, and joining it does not run it");
        runs.Should().Be(0);
    }

    [Fact]
    public void CancelOrJoin_AfterJoin_ReturnsTheResultAgain()
    {
        var runs = 0;
        var work = OverlappedWork<string>.Start(() => { runs++; return "once"; }, inParallel: false);

        work.Join().Should().Be("once");
        work.CancelOrJoin().Should().Be("once");
        runs.Should().Be(1);
    }
}
