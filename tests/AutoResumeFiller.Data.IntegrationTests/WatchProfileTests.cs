using AutoResumeFiller.Data.IntegrationTests.Support;
using AutoResumeFiller.Data.TestHost;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>
/// WatchProfile on the real file system (inotify on Linux): other managers and other processes save, restore, fail.
/// Notifications arrive in order, so "nothing else" is shown by a marker save whose notification must come next.
/// </summary>
public sealed class WatchProfileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>An hour between polls: every notification within the tests' 10 s wait came from file-system events.</summary>
    private static void EventsOnly(UserDataManagerOptions options) => options.WatchPollingInterval = TimeSpan.FromHours(1);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WatchProfile_AnotherManagerSaves_ExactlyOneNotificationWithItsTimestamp()
    {
        var root = _temp.Combine("arf");
        var watcher = Managers.Initialized(root, EventsOnly);
        var writer = Managers.Create(root);
        using var recorder = new ChangeRecorder();
        using var watch = watcher.WatchProfile(recorder.OnChanged);

        var saved = SampleProfiles.Valid("from another manager");
        writer.SaveUserProfile(saved);
        var change = recorder.Next();
        var marker = SaveMarker(writer);

        change.LastUpdated.Should().Be(saved.LastUpdated);
        change.ProfilePath.Should().Be(watcher.ProfilePath);
        recorder.Next().LastUpdated.Should().Be(marker, "one save gives one notification");
    }

    [Fact]
    public void WatchProfile_ChildProcessSavesManyTimes_LastNotificationIsTheFinalState()
    {
        const int saves = 25;
        var root = _temp.Combine("arf");
        var watcher = Managers.Initialized(root, EventsOnly);
        using var recorder = new ChangeRecorder();
        using var watch = watcher.WatchProfile(recorder.OnChanged);

        var (exitCode, lines, errors) = TestHostProcess.Run(["increment", root, saves.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        exitCode.Should().Be(0, errors);
        lines.Should().Contain($"DONE {saves}");
        var final = watcher.LoadUserProfile();
        final.Skills.Count(s => s.StartsWith("inc-", StringComparison.Ordinal)).Should().Be(saves);

        var changes = recorder.Until(final.LastUpdated);

        changes.Should().HaveCountLessThanOrEqualTo(saves, "a burst may be coalesced, never multiplied");
        changes.Select(c => c.LastUpdated).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var marker = SaveMarker(Managers.Create(root));
        recorder.Next().LastUpdated.Should().Be(marker, "nothing is reported after the final state");
    }

    [Fact]
    public void WatchProfile_LoadsBackupsVerifyInitAndRefusedSave_NoNotification()
    {
        var root = _temp.Combine("arf");
        var manager = Managers.Initialized(root, EventsOnly);
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);

        manager.LoadUserProfile();
        var backup = manager.BackupData("manual");
        manager.VerifyBackup(backup).IsValid.Should().BeTrue();
        manager.ListAvailableBackups();
        manager.InitializeDataDirectory();
        var invalid = SampleProfiles.Valid();
        invalid.PersonalInfo!.Email = "not an email";
        manager.Invoking(m => m.SaveUserProfile(invalid)).Should().Throw<ProfileValidationException>();
        File.WriteAllText(Path.Combine(root, "data", ".user_profile.json.0123456789abcdef.tmp"), "{}");
        File.WriteAllText(Path.Combine(root, "config.yaml"), "theme: dark\n");
        var marker = SaveMarker(manager);

        recorder.Next().LastUpdated.Should().Be(marker);
        recorder.All.Should().ContainSingle();
    }

    [Fact]
    public void WatchProfile_SaveFailsOnAFullDisk_NoNotification()
    {
        if (Tmpfs.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        var error = Tmpfs.TryMount(_temp, 2048, out var mount);
        if (error is not null)
        {
            Assert.Skip(error);
        }

        var root = Path.Combine(mount, "arf");
        var manager = Managers.Initialized(root, EventsOnly);
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);
        var filler = Path.Combine(mount, "filler.bin");
        Tmpfs.Fill(filler, 0);

        manager.Invoking(m => m.SaveUserProfile(SampleProfiles.Valid("does not fit", workEntries: 80)))
            .Should().Throw<InsufficientDiskSpaceException>();
        File.Delete(filler);
        var marker = SaveMarker(manager);

        recorder.Next().LastUpdated.Should().Be(marker);
        recorder.All.Should().ContainSingle();
    }

    [Fact]
    public void WatchProfile_RestoreFromBackup_OneNotificationWithTheRestoredTimestamp()
    {
        var root = _temp.Combine("arf");
        var manager = Managers.Initialized(root, EventsOnly);
        var backedUp = manager.LoadUserProfile().LastUpdated;
        var backup = manager.BackupData("before");
        manager.SaveUserProfile(SampleProfiles.Valid("after the backup"));
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);

        manager.RestoreFromBackup(backup);
        var restored = recorder.Next();
        var marker = SaveMarker(manager);

        restored.LastUpdated.Should().Be(backedUp);
        recorder.Next().LastUpdated.Should().Be(marker, "a restore gives one notification");
    }

    [Fact]
    public void WatchProfile_DataFolderSwappedForAnother_ReportsItAndKeepsWatchingTheNewFolder()
    {
        var root = _temp.Combine("arf");
        var manager = Managers.Initialized(root, EventsOnly);
        var donor = Managers.Create(_temp.Combine("donor"));
        donor.InitializeDataDirectory();
        var donorProfile = SampleProfiles.Valid("from the restored folder");
        donor.SaveUserProfile(donorProfile);
        using var recorder = new ChangeRecorder();
        using var watch = manager.WatchProfile(recorder.OnChanged);

        var incoming = Path.Combine(root, "data.incoming");
        Directory.CreateDirectory(incoming);
        File.Copy(donor.ProfilePath, Path.Combine(incoming, "user_profile.json"));
        File.Copy(donor.LockFilePath, Path.Combine(incoming, ".user_profile.lock"));
        Directory.Move(Path.Combine(root, "data"), Path.Combine(root, "data.old"));
        Directory.Move(incoming, Path.Combine(root, "data"));

        recorder.Next().LastUpdated.Should().Be(donorProfile.LastUpdated);
        var marker = SaveMarker(manager);
        recorder.Next().LastUpdated.Should().Be(marker, "saves into the new data/ folder are still seen");
    }

    [Fact]
    public void WatchProfile_Disposed_NoMoreNotificationsWhileOtherWatchesGoOn()
    {
        var root = _temp.Combine("arf");
        var manager = Managers.Initialized(root, EventsOnly);
        using var stopped = new ChangeRecorder();
        using var live = new ChangeRecorder();
        using var liveWatch = manager.WatchProfile(live.OnChanged);
        var watch = manager.WatchProfile(stopped.OnChanged);

        watch.Dispose();
        var first = SaveMarker(manager);
        live.Next().LastUpdated.Should().Be(first);
        var second = SaveMarker(manager);
        live.Next().LastUpdated.Should().Be(second);

        stopped.All.Should().BeEmpty();
    }

    [Fact]
    public void WatchProfile_CallbackThrows_TheNextSaveIsStillReported()
    {
        var root = _temp.Combine("arf");
        var manager = Managers.Initialized(root, EventsOnly);
        using var recorder = new ChangeRecorder { Then = _ => throw new InvalidOperationException("callback bug") };
        using var watch = manager.WatchProfile(recorder.OnChanged);

        var first = SaveMarker(manager);
        recorder.Next().LastUpdated.Should().Be(first);
        var second = SaveMarker(manager);

        recorder.Next().LastUpdated.Should().Be(second);
    }

    private static DateTime SaveMarker(UserDataManager manager)
    {
        var marker = SampleProfiles.Valid("marker " + Guid.NewGuid().ToString("N"));
        manager.SaveUserProfile(marker);
        return marker.LastUpdated;
    }
}
