using System.IO.Abstractions;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;
using AutoResumeFiller.Data.Watching;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AutoResumeFiller.Data.Tests.Watching;

/// <summary>
/// WatchProfile in events mode over a mocked <see cref="IFileSystem"/> whose watchers are mocks: events are raised by
/// hand, checks run on the thread pool, and a watcher error or overflow must switch the watch to polling.
/// </summary>
public class WatchProfileEventsTests
{
    private const string Root = ManagerTestContext.Root;
    private const string DataFolder = Root + "/data";

    private readonly FakeWatcherFileSystem _fileSystem = new(new FaultInjectingFileSystem());
    private readonly FakeTimeProvider _time = new(ManagerTestContext.Start);
    private readonly FakeLogger _logger = new();

    [Fact]
    public void WatchProfile_WatcherAvailable_WatchesDataFolderForTheProfileAndTheRootForData()
    {
        var manager = NewManager();
        manager.InitializeDataDirectory();

        using var watch = manager.WatchProfile(_ => { });

        ((ProfileWatch)watch).Mode.Should().Be(ProfileWatchMode.Events);
        _fileSystem.Watchers.Select(w => (w.Path, w.Filter)).Should().BeEquivalentTo([(Root, "data"), (DataFolder, "user_profile.json")]);
        var profileWatcher = _fileSystem.Latest("user_profile.json").Object;
        profileWatcher.EnableRaisingEvents.Should().BeTrue();
        profileWatcher.IncludeSubdirectories.Should().BeFalse();
        profileWatcher.NotifyFilter.Should().HaveFlag(NotifyFilters.FileName).And.HaveFlag(NotifyFilters.LastWrite);
    }

    [Fact]
    public void WatchProfile_RenamedEventAfterSave_NotifiesWithTheSavedTimestamp()
    {
        var manager = NewManager();
        manager.InitializeDataDirectory();
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);
        _time.Advance(TimeSpan.FromMinutes(3));
        var profile = ManagerTestContext.ValidProfile();

        manager.SaveUserProfile(profile);
        RaiseRenamed(_fileSystem.Latest("user_profile.json"));

        recorder.Next().LastUpdated.Should().Be(profile.LastUpdated);
    }

    [Fact]
    public void WatchProfile_EventWithoutAChange_NoNotification()
    {
        var manager = NewManager();
        manager.InitializeDataDirectory();
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);
        var watcher = _fileSystem.Latest("user_profile.json");

        manager.LoadUserProfile();
        watcher.Raise(w => w.Changed += null, new FileSystemEventArgs(WatcherChangeTypes.Changed, DataFolder, "user_profile.json"));
        _time.Advance(TimeSpan.FromMinutes(1));
        var profile = ManagerTestContext.ValidProfile();
        manager.SaveUserProfile(profile);
        RaiseRenamed(watcher);

        // Checks run in order, so a false notification for the first event would come before this one.
        recorder.Next().LastUpdated.Should().Be(profile.LastUpdated);
        recorder.All.Should().ContainSingle();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WatchProfile_WatcherErrorOrOverflow_FallsBackToPollingAndCatchesUp(bool overflow)
    {
        var manager = NewManager();
        manager.InitializeDataDirectory();
        using var recorder = new ChangeRecorder();
        var watch = (ProfileWatch)manager.WatchProfile(recorder.OnChanged);
        var watcher = _fileSystem.Latest("user_profile.json");
        _time.Advance(TimeSpan.FromMinutes(1));
        var lost = ManagerTestContext.ValidProfile("Lost");
        manager.SaveUserProfile(lost); // its event is lost in the overflow

        Exception error = overflow ? new InternalBufferOverflowException("too many changes") : new IOException("watch removed");
        watcher.Raise(w => w.Error += null, new ErrorEventArgs(error));

        watch.Mode.Should().Be(ProfileWatchMode.Polling);
        recorder.Next().LastUpdated.Should().Be(lost.LastUpdated, "the switch checks at once for what the lost events hid");
        _time.Advance(TimeSpan.FromMinutes(1));
        var polled = ManagerTestContext.ValidProfile("Polled");
        manager.SaveUserProfile(polled);
        recorder.NextWhileTicking(_time, TimeSpan.FromSeconds(1)).LastUpdated.Should().Be(polled.LastUpdated);
        _logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 72).Which.Exception.Should().BeSameAs(error);
        SpinWait.SpinUntil(() => _fileSystem.Watchers.All(w => Disposed(w.Watcher)), ChangeRecorder.Wait).Should().BeTrue("the failed watchers are let go");
        watch.Dispose();
    }

    [Fact]
    public void WatchProfile_DataFolderReplaced_WatchesTheNewFolderAndReportsItsProfile()
    {
        var manager = NewManager();
        manager.InitializeDataDirectory();
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);
        var oldWatcher = _fileSystem.Latest("user_profile.json");
        _time.Advance(TimeSpan.FromMinutes(1));
        var restored = ManagerTestContext.ValidProfile("Restored");
        manager.SaveUserProfile(restored);

        _fileSystem.Latest("data").Raise(w => w.Created += null, new FileSystemEventArgs(WatcherChangeTypes.Created, Root, "data"));

        recorder.Next().LastUpdated.Should().Be(restored.LastUpdated);
        Disposed(oldWatcher).Should().BeTrue();
        _fileSystem.Latest("user_profile.json").Should().NotBeSameAs(oldWatcher);
        _fileSystem.Latest("user_profile.json").Object.EnableRaisingEvents.Should().BeTrue();
    }

    [Fact]
    public void WatchProfile_Disposed_StopsBothWatchers()
    {
        var manager = NewManager();
        manager.InitializeDataDirectory();
        var watch = manager.WatchProfile(_ => { });

        watch.Dispose();

        _fileSystem.Watchers.Should().HaveCount(2).And.OnlyContain(w => Disposed(w.Watcher) && !w.Watcher.Object.EnableRaisingEvents);
    }

    [Fact]
    public void WatchProfile_PollingAskedForByEnvironment_NoWatcher()
    {
        var manager = NewManager(new Dictionary<string, string> { [UserDataManager.UsePollingVariable] = "true" });
        manager.InitializeDataDirectory();

        using var watch = manager.WatchProfile(_ => { });

        ((ProfileWatch)watch).Mode.Should().Be(ProfileWatchMode.Polling);
        _fileSystem.Watchers.Should().BeEmpty();
        _logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 71 && r.Message.Contains("DOTNET_USE_POLLING_FILE_WATCHER"));
    }

    [Fact]
    public void WatchProfile_DataDirectoryMissing_PollsUntilItExists()
    {
        var manager = NewManager();
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);
        ((ProfileWatch)watch).Mode.Should().Be(ProfileWatchMode.Polling);
        _fileSystem.Watchers.Should().BeEmpty();

        manager.InitializeDataDirectory();
        _time.Advance(TimeSpan.FromSeconds(1));

        recorder.Next().LastUpdated.Should().Be(_time.GetUtcNow().UtcDateTime.AddSeconds(-1));
    }

    private static bool Disposed(Mock<IFileSystemWatcher> watcher)
    {
        try
        {
            watcher.Verify(w => w.Dispose(), Times.AtLeastOnce());
            return true;
        }
        catch (MockException)
        {
            return false;
        }
    }

    private static void RaiseRenamed(Mock<IFileSystemWatcher> watcher) =>
        watcher.Raise(w => w.Renamed += null, new RenamedEventArgs(WatcherChangeTypes.Renamed, DataFolder, "user_profile.json", ".user_profile.json.0123456789abcdef.tmp"));

    private UserDataManager NewManager(Dictionary<string, string>? environment = null) =>
        new(new UserDataManagerOptions { DataDirectory = Root }, _fileSystem.Object, _logger, _time, ManagerPlatforms.Create(OSFamily.Linux, environment));
}
