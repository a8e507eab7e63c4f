using System.Diagnostics;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Issue 3: the OS lock between threads and between real processes.</summary>
public sealed class LockingTests : IDisposable
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public LockingTests()
    {
        _root = _temp.Combine("data");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SharedReaders_RunTogether_WhileWriterWaitsUntilTheyFinish()
    {
        var manager = Managers.Initialized(_root, o => o.LockTimeout = TimeSpan.FromSeconds(30));
        var before = File.ReadAllBytes(manager.ProfilePath);
        using var first = new BlockingProgress();
        using var second = new BlockingProgress();

        var firstBackup = Task.Run(() => manager.BackupData("reader1", first), TestContext.Current.CancellationToken);
        first.WaitEntered(Bound).Should().BeTrue("the first reader is inside, holding the shared lock");
        var secondBackup = Task.Run(() => manager.BackupData("reader2", second), TestContext.Current.CancellationToken);
        second.WaitEntered(Bound).Should().BeTrue("a second reader enters while the first still holds the shared lock");
        manager.LoadUserProfile().Summary.Should().Be("start", "a plain load is a third reader at the same time");

        var save = Task.Run(() => manager.SaveUserProfile(TestHost.SampleProfiles.Valid("written after the readers")), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        save.IsCompleted.Should().BeFalse("the writer waits while readers hold the lock");
        File.ReadAllBytes(manager.ProfilePath).Should().Equal(before);

        first.Release();
        await firstBackup.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        save.IsCompleted.Should().BeFalse("one reader still holds the lock");

        second.Release();
        await Task.WhenAll(secondBackup, save).WaitAsync(Bound, TestContext.Current.CancellationToken);
        manager.LoadUserProfile().Summary.Should().Be("written after the readers");
        manager.VerifyBackup(await firstBackup).IsValid.Should().BeTrue();
        manager.VerifyBackup(await secondBackup).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task UpdateUserProfile_FourManagersOnThreadsWithAutoBackups_LoseNoUpdate()
    {
        // Threads of one process, each with its own manager: the OS lock (flock through FileShare) must exclude them as it
        // excludes processes, and every save's auto-backup (made while the profile's temp file is written on a pool thread)
        // must hold a whole previous version. Was a MockFileSystem test: the mock's FileShare.None check is not atomic
        // between threads (8 threads opening one file overlapped 268 times in 14,759 opens), so it lost updates of its own.
        var first = Managers.Initialized(_root, o => o.LockTimeout = TimeSpan.FromSeconds(30));
        var managers = Enumerable.Range(0, 4).Select(_ => new UserDataManager(new UserDataManagerOptions { DataDirectory = _root, LockTimeout = TimeSpan.FromSeconds(30) })).ToList();

        await Task.WhenAll(managers.Select((manager, worker) => Task.Run(
            () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    manager.UpdateUserProfile(p =>
                    {
                        p.Skills.Add($"w{worker}-{i}");
                        return p;
                    });
                }
            },
            TestContext.Current.CancellationToken))).WaitAsync(Bound, TestContext.Current.CancellationToken);

        first.LoadUserProfile().Skills.Where(s => s.StartsWith('w')).Should().HaveCount(100).And.OnlyHaveUniqueItems();
        var autoBackups = first.ListAvailableBackups().Where(b => b.Kind == BackupKind.Auto).ToList();
        autoBackups.Should().HaveCount(10);
        autoBackups.Should().OnlyContain(b => first.VerifyBackup(b.Path).IsValid);
        Directory.EnumerateFiles(_root, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_ChildProcessHoldsExclusiveLock_ThrowsDataLockTimeoutAfterTheTimeout()
    {
        var manager = Managers.Initialized(_root, o => o.LockTimeout = LockTimeout);
        var before = File.ReadAllBytes(manager.ProfilePath);
        using var holder = HoldLock("exclusive");

        var watch = Stopwatch.StartNew();
        var act = () => manager.SaveUserProfile(TestHost.SampleProfiles.Valid("blocked"));

        var thrown = act.Should().Throw<DataLockTimeoutException>().Which;
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(LockTimeout * 0.9, "the save waited for (most of) LockTimeout before giving up");
        thrown.LockPath.Should().Be(manager.LockFilePath);
        thrown.Message.Should().StartWith("Timed out after ").And.Contain("waiting for the exclusive lock on '" + manager.LockFilePath + "'");
        thrown.Suggestion.Should().NotBeNullOrWhiteSpace();
        File.ReadAllBytes(manager.ProfilePath).Should().Equal(before);
        DataDirectoryChecks.TempFiles(_root).Should().BeEmpty();
    }

    [Fact]
    public void LoadUserProfile_ChildProcessHoldsExclusiveLock_ThrowsDataLockTimeout()
    {
        var manager = Managers.Initialized(_root, o => o.LockTimeout = LockTimeout);
        using var holder = HoldLock("exclusive");

        var watch = Stopwatch.StartNew();
        var act = () => manager.LoadUserProfile();

        act.Should().Throw<DataLockTimeoutException>().WithMessage("*shared lock*");
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(LockTimeout * 0.9);
    }

    [Fact]
    public async Task LoadUserProfile_ChildProcessHoldsSharedLock_SucceedsWhileAWriterTimesOut()
    {
        var manager = Managers.Initialized(_root, o => o.LockTimeout = LockTimeout);
        using var holder = HoldLock("shared");

        manager.LoadUserProfile().Summary.Should().Be("start");
        (await manager.LoadUserProfileAsync(TestContext.Current.CancellationToken)).Summary.Should().Be("start");
        var watch = Stopwatch.StartNew();
        var save = () => manager.SaveUserProfileAsync(TestHost.SampleProfiles.Valid("blocked"), TestContext.Current.CancellationToken);

        await save.Should().ThrowAsync<DataLockTimeoutException>();
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(LockTimeout * 0.9);
    }

    [Fact]
    public async Task SaveUserProfileAsync_LockHeldAndCancelled_ThrowsOperationCanceledAndWritesNothing()
    {
        var manager = Managers.Initialized(_root, o => o.LockTimeout = TimeSpan.FromSeconds(30));
        var before = File.ReadAllBytes(manager.ProfilePath);
        using var holder = HoldLock("exclusive");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var save = () => manager.SaveUserProfileAsync(TestHost.SampleProfiles.Valid("cancelled"), cancel.Token);

        await save.Should().ThrowAsync<OperationCanceledException>();
        File.ReadAllBytes(manager.ProfilePath).Should().Equal(before);
    }

    [Fact]
    public void UpdateUserProfile_FourProcessesTimes25Increments_LosesNoUpdate()
    {
        var manager = Managers.Initialized(_root);
        var children = Enumerable.Range(0, 4).Select(_ => TestHostProcess.Start(["increment", _root, "25"])).ToList();
        var ids = children.Select(c => c.Id).ToList();
        try
        {
            foreach (var child in children)
            {
                child.WaitForExit(TimeSpan.FromMinutes(3)).Should().BeTrue("each child finishes its 25 updates");
                child.ExitCode.Should().Be(0, child.Errors);
                child.Lines.Should().Contain("DONE 25");
            }
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }

        var skills = manager.LoadUserProfile().Skills.Where(s => s.StartsWith("inc-", StringComparison.Ordinal)).ToList();
        skills.Should().HaveCount(100).And.OnlyHaveUniqueItems();
        foreach (var id in ids)
        {
            skills.Count(s => s.StartsWith($"inc-{id}-", StringComparison.Ordinal)).Should().Be(25);
        }

        manager.ListAvailableBackups().Should().OnlyContain(b => manager.VerifyBackup(b.Path).IsValid);
    }

    private TestHostProcess HoldLock(string mode)
    {
        var holder = TestHostProcess.Start(["hold-lock", _root, mode, "60"]);
        holder.WaitForLine(l => l == "READY", Bound).Should().BeTrue($"the child takes the {mode} lock; stderr: {holder.Errors}");
        return holder;
    }
}
