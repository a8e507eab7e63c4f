using AutoResumeFiller.Data.Tests.Support;
using AutoResumeFiller.Data.Watching;

namespace AutoResumeFiller.Data.Tests.Watching;

/// <summary>
/// WatchProfile over a mock file system, which has no watcher events: polling on the fake clock's timers, so each
/// tick is an explicit <c>Advance</c> and every check runs on the test's thread.
/// </summary>
public class WatchProfilePollingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public void WatchProfile_MockFileSystem_PollsAndReportsAnotherManagersSaveOnTheNextTick()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var changes = new List<ProfileChange>();
        using var watch = context.Manager.WatchProfile(changes.Add);
        ((ProfileWatch)watch).Mode.Should().Be(ProfileWatchMode.Polling);

        context.Time.Advance(TimeSpan.FromMinutes(1));
        var saved = ManagerTestContext.ValidProfile();
        context.NewManager().SaveUserProfile(saved);
        changes.Should().BeEmpty("nothing is checked before the next tick");

        context.Time.Advance(Interval);

        changes.Should().ContainSingle();
        changes[0].ProfilePath.Should().Be(context.ProfilePath);
        changes[0].LastUpdated.Should().Be(saved.LastUpdated).And.Be(ManagerTestContext.Start.UtcDateTime.AddMinutes(1));
        changes[0].LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 71 && r.Message.Contains("NotImplementedException"));
    }

    [Fact]
    public void WatchProfile_BurstBetweenTicks_OneNotificationForTheFinalState()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var changes = new List<ProfileChange>();
        using var watch = context.Manager.WatchProfile(changes.Add);

        for (var i = 1; i <= 5; i++)
        {
            context.Time.Advance(TimeSpan.FromMilliseconds(100));
            context.Manager.UpdateUserProfile(p =>
            {
                p.Skills.Add($"skill {i}");
                return p;
            });
        }

        context.Time.Advance(Interval);
        context.Time.Advance(Interval);

        changes.Should().ContainSingle().Which.LastUpdated.Should().Be(context.Manager.LoadUserProfile().LastUpdated);
    }

    [Fact]
    public void WatchProfile_EachSaveInItsOwnInterval_OneNotificationEach()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var changes = new List<ProfileChange>();
        using var watch = context.Manager.WatchProfile(changes.Add);
        var expected = new List<DateTime>();

        for (var i = 0; i < 3; i++)
        {
            var profile = ManagerTestContext.ValidProfile($"Name{i}");
            context.Manager.SaveUserProfile(profile);
            expected.Add(profile.LastUpdated);
            context.Time.Advance(Interval);
        }

        changes.Select(c => c.LastUpdated).Should().Equal(expected);
    }

    [Fact]
    public void WatchProfile_LoadsBackupsRefusedAndFailedSaves_NoNotification()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        var changes = new List<ProfileChange>();
        using var watch = manager.WatchProfile(changes.Add);

        manager.LoadUserProfile();
        var backup = manager.BackupData("manual");
        manager.VerifyBackup(backup);
        manager.ListAvailableBackups();
        manager.InitializeDataDirectory();
        context.Time.Advance(TimeSpan.FromSeconds(5));
        manager.Invoking(m => m.SaveUserProfile(ManagerTestContext.InvalidProfile())).Should().Throw<ProfileValidationException>();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Write && path.EndsWith(".tmp", StringComparison.Ordinal) && path.Contains("user_profile", StringComparison.Ordinal)
            ? FaultInjectingFileSystem.IOError(28, "No space left on device")
            : null;
        manager.Invoking(m => m.SaveUserProfile(ManagerTestContext.ValidProfile("Full"))).Should().Throw<InsufficientDiskSpaceException>();
        context.FileSystem.Fault = null;
        context.WriteFile("data/.user_profile.json.0123456789abcdef.tmp", "{\"last_updated\":\"2030-01-01T00:00:00Z\"}");

        context.Time.Advance(Interval);
        context.Time.Advance(Interval);

        changes.Should().BeEmpty();
    }

    [Fact]
    public void WatchProfile_RestoreFromBackup_OneNotificationWithTheRestoredTimestamp()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var original = ManagerTestContext.ValidProfile("Before");
        manager.SaveUserProfile(original);
        context.Time.Advance(TimeSpan.FromMinutes(1));
        var backup = manager.BackupData("before");
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("After"));
        var changes = new List<ProfileChange>();
        using var watch = manager.WatchProfile(changes.Add);

        manager.RestoreFromBackup(backup);
        context.Time.Advance(Interval);
        context.Time.Advance(Interval);

        changes.Should().ContainSingle().Which.LastUpdated.Should().Be(original.LastUpdated);
    }

    [Fact]
    public void WatchProfile_CallbackThrows_IsLoggedAndTheWatchGoesOn()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var calls = 0;
        using var watch = manager.WatchProfile(_ =>
        {
            calls++;
            throw new InvalidOperationException("callback bug");
        });

        manager.SaveUserProfile(ManagerTestContext.ValidProfile("One"));
        context.Time.Advance(Interval);
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Two"));
        context.Time.Advance(Interval);

        calls.Should().Be(2);
        var failures = context.Logger.Collector.GetSnapshot().Where(r => r.Id.Id == 73).ToList();
        failures.Should().HaveCount(2);
        failures[0].Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("callback bug");
        failures[0].Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public void WatchProfile_Disposed_NoCallbackAndTimerStopped()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var changes = new List<ProfileChange>();
        var watch = manager.WatchProfile(changes.Add);
        context.Time.Advance(Interval);

        watch.Dispose();
        watch.Dispose();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(Interval);
        context.Time.Advance(Interval);

        changes.Should().BeEmpty();
        context.Logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 74);
    }

    [Fact]
    public void WatchProfile_ProfileDeletedThenRecreated_NotifiesOnlyTheReturn()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var changes = new List<ProfileChange>();
        using var watch = manager.WatchProfile(changes.Add);

        context.FileSystem.File.Delete(context.ProfilePath);
        context.Time.Advance(Interval);
        changes.Should().BeEmpty("a missing profile is not a saved state");

        context.Time.Advance(TimeSpan.FromHours(1));
        manager.InitializeDataDirectory();
        context.Time.Advance(Interval);

        changes.Should().ContainSingle().Which.LastUpdated.Should().Be(context.Time.GetUtcNow().UtcDateTime - Interval);
    }

    [Fact]
    public void WatchProfile_ProfileWithoutTimestamp_ReportsTheFileWriteTime()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var changes = new List<ProfileChange>();
        using var watch = context.Manager.WatchProfile(changes.Add);

        context.FileSystem.File.WriteAllText(context.ProfilePath, "not json at all, written by another tool");
        var written = new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        context.FileSystem.File.SetLastWriteTimeUtc(context.ProfilePath, written);
        context.Time.Advance(Interval);

        changes.Should().ContainSingle().Which.LastUpdated.Should().Be(written);
    }

    [Fact]
    public void WatchProfile_WatchesAreIndependent_EachCallbackOnce()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var first = new List<ProfileChange>();
        var second = new List<ProfileChange>();
        using var watchA = manager.WatchProfile(first.Add);
        var watchB = manager.WatchProfile(second.Add);
        watchB.Should().NotBeSameAs(watchA);

        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(Interval);
        watchB.Dispose();
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Again"));
        context.Time.Advance(Interval);

        first.Should().HaveCount(2);
        second.Should().ContainSingle();
    }

    [Fact]
    public void WatchProfile_NullCallback_Throws()
    {
        var context = new ManagerTestContext();

        context.Manager.Invoking(m => m.WatchProfile(null!)).Should().Throw<ArgumentNullException>().WithParameterName("onChanged");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_WatchPollingIntervalNotPositive_Throws(int milliseconds)
    {
        var act = () => new UserDataManager(new UserDataManagerOptions { DataDirectory = "/x", WatchPollingInterval = TimeSpan.FromMilliseconds(milliseconds) }, MockFileSystems.WithFreeSpace());

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("WatchPollingInterval");
    }

    [Fact]
    public void WatchProfile_CustomInterval_PollsAtThatInterval()
    {
        var context = new ManagerTestContext(o => o.WatchPollingInterval = TimeSpan.FromSeconds(5));
        var manager = context.Initialized();
        var changes = new List<ProfileChange>();
        using var watch = manager.WatchProfile(changes.Add);
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.Time.Advance(TimeSpan.FromSeconds(4));
        changes.Should().BeEmpty();
        context.Time.Advance(TimeSpan.FromSeconds(1));
        changes.Should().ContainSingle();
    }
}
