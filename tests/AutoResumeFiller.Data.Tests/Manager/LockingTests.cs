using System.IO.Abstractions;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Manager;

public class LockingTests
{
    private const string LockPath = "/data/arf/data/.user_profile.lock";

    private static FileSystemStream HoldExclusive(ManagerTestContext context) =>
        context.FileSystem.FileStream.New(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static FileSystemStream HoldShared(ManagerTestContext context) =>
        context.FileSystem.FileStream.New(LockPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.Read);

    [Fact]
    public void SaveUserProfile_LockHeldByAnother_ThrowsDataLockTimeoutNamingTheLockFile()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromMilliseconds(200));
        context.Initialized();
        var before = context.Snapshot();
        using var held = HoldExclusive(context);

        var error = FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile()))
            .Should().ThrowExactly<DataLockTimeoutException>().Which;

        error.Message.Should().MatchRegex(@"^Timed out after \d+(\.\d+)? s waiting for the exclusive lock on '/data/arf/data/\.user_profile\.lock'\.$");
        error.LockPath.Should().Be(LockPath);
        error.Waited.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
        error.InnerException.Should().BeAssignableTo<IOException>();
        error.Suggestion.Should().Contain("LockTimeout");
        context.Snapshot().Should().Equal(before);
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 10);
    }

    [Fact]
    public void LoadUserProfile_WriterHoldsTheLock_ThrowsDataLockTimeoutForTheSharedLock()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromMilliseconds(200));
        context.Initialized();
        using var held = HoldExclusive(context);

        FluentActions.Invoking(() => context.Manager.LoadUserProfile())
            .Should().ThrowExactly<DataLockTimeoutException>()
            .WithMessage($"*waiting for the shared lock on '{LockPath}'.");
    }

    [Fact]
    public void LoadUserProfile_AnotherReaderHoldsTheLock_ReadsAlongside()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromMilliseconds(200));
        context.Initialized();
        using var reader = HoldShared(context);

        context.Manager.LoadUserProfile().Version.Should().Be("1.0");
        FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile()))
            .Should().ThrowExactly<DataLockTimeoutException>().WithMessage("*exclusive lock*");
    }

    [Fact]
    public void InitializeDataDirectory_LockHeld_ThrowsDataLockTimeout()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromMilliseconds(100));
        context.Initialized();
        using var held = HoldExclusive(context);

        FluentActions.Invoking(() => context.Manager.InitializeDataDirectory()).Should().ThrowExactly<DataLockTimeoutException>();
    }

    [Fact]
    public void SaveUserProfile_ZeroTimeoutAndLockFree_Saves()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.Zero);
        context.Initialized();

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.Manager.LoadUserProfile().PersonalInfo.Should().NotBeNull();
    }

    [Fact]
    public void SaveUserProfile_LockReleasedWhileWaiting_Saves()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromSeconds(30));
        context.Initialized();
        var held = HoldExclusive(context);
        using var release = new Timer(_ => held.Dispose(), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Waited"));

        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Waited");
    }

    [Fact]
    public async Task LoadUserProfileAsync_CancelledWhileLockHeld_ThrowsOperationCanceled()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromSeconds(60));
        context.Initialized();
        using var held = HoldExclusive(context);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));

        var load = context.Manager.LoadUserProfileAsync(cancellation.Token);

        await FluentActions.Awaiting(() => load.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken))
            .Should().ThrowAsync<OperationCanceledException>();
        load.IsCanceled.Should().BeTrue();
    }

    [Fact]
    public async Task SaveUserProfileAsync_CancelledWhileLockHeld_ThrowsOperationCanceledAndWritesNothing()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromSeconds(60));
        context.Initialized();
        var before = context.Snapshot();
        using var held = HoldExclusive(context);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
        var profile = ManagerTestContext.ValidProfile();

        var save = context.Manager.SaveUserProfileAsync(profile, cancellation.Token);

        await FluentActions.Awaiting(() => save.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken))
            .Should().ThrowAsync<OperationCanceledException>();
        context.Snapshot().Should().Equal(before);
        profile.LastUpdated.Should().Be(default);
    }

    [Fact]
    public async Task AsyncOperations_AlreadyCancelled_ThrowOperationCanceledBeforeTouchingAnything()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();
        var cancelled = new CancellationToken(canceled: true);

        await FluentActions.Awaiting(() => context.Manager.LoadUserProfileAsync(cancelled)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => context.Manager.SaveUserProfileAsync(ManagerTestContext.ValidProfile(), cancelled)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => context.Manager.BackupDataAsync("manual", null, cancelled)).Should().ThrowAsync<OperationCanceledException>();

        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task SaveUserProfileAsync_LockHeld_ThrowsDataLockTimeout()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromMilliseconds(150));
        context.Initialized();
        using var held = HoldExclusive(context);

        await FluentActions.Awaiting(() => context.Manager.SaveUserProfileAsync(ManagerTestContext.ValidProfile(), TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<DataLockTimeoutException>().WithMessage($"*exclusive lock on '{LockPath}'.");
    }

    [Fact]
    public void Operations_ReleaseTheLockWhenDone()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        manager.LoadUserProfile();
        manager.BackupData();
        FluentActions.Invoking(() => manager.SaveUserProfile(ManagerTestContext.InvalidProfile())).Should().Throw<ProfileValidationException>();

        using var exclusive = HoldExclusive(context);
        context.FileSystem.File.Exists(LockPath).Should().BeTrue("the lock file is never deleted");
    }

    [Fact]
    public async Task RestoreAndBackupAsync_CancelledWhileLockHeld_ThrowOperationCanceledAndChangeNothing()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromSeconds(60));
        context.Initialized();
        var backup = context.Manager.BackupData();
        var before = context.Snapshot();
        using var held = HoldExclusive(context);

        foreach (var operation in new Func<CancellationToken, Task>[]
        {
            token => context.Manager.RestoreFromBackupAsync(backup, token),
            token => context.Manager.BackupDataAsync("manual", null, token),
        })
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
            var running = operation(cancellation.Token);
            await FluentActions.Awaiting(() => running.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken))
                .Should().ThrowAsync<OperationCanceledException>();
        }

        context.Snapshot().Should().Equal(before);
    }
}
