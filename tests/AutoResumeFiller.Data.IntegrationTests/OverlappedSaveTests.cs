using AutoResumeFiller.Data.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>
/// On a real disk a save flushes its temp file, writes and flushes its auto backup, then replaces the profile
/// (MockFileSystem cannot flush). These check the real-disk path: a failed save leaves nothing, a good one leaves
/// exactly one verified backup of the previous bytes.
/// </summary>
public sealed class OverlappedSaveTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveUserProfile_InvalidProfile_LeavesNoBackupAndNoTempFile()
    {
        var dataDirectory = _temp.Combine("data");
        var manager = Managers.Initialized(dataDirectory);
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("first"));
        var before = DataDirectoryChecks.Snapshot(dataDirectory);
        var invalid = TestHost.SampleProfiles.Valid("second");
        invalid.PersonalInfo!.Email = "not-an-email";

        for (var i = 0; i < 20; i++)
        {
            FluentActions.Invoking(() => manager.SaveUserProfile(invalid)).Should().ThrowExactly<ProfileValidationException>();
        }

        // The archive may have been written on the pool before validation failed; it is deleted, never renamed.
        DataDirectoryChecks.Snapshot(dataDirectory).Should().Equal(before);
    }

    [Fact]
    public void SaveUserProfile_ManySaves_EachBackupHoldsThePreviousBytesAndVerifies()
    {
        var dataDirectory = _temp.Combine("data");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var manager = Managers.Initialized(dataDirectory, o => o.MaxAutoBackups = 50, time);
        var profilePath = Path.Combine(dataDirectory, "data", "user_profile.json");
        var previous = new List<byte[]>();

        for (var i = 0; i < 12; i++)
        {
            previous.Add(File.ReadAllBytes(profilePath));
            time.Advance(TimeSpan.FromSeconds(1));
            manager.SaveUserProfile(TestHost.SampleProfiles.Valid($"save {i}", workEntries: 40));
        }

        var autos = manager.ListAvailableBackups().Where(b => b.CreatedAt > time.Start.UtcDateTime).Reverse().ToList();
        autos.Should().HaveCount(previous.Count).And.OnlyContain(b => b.Kind == BackupKind.Auto);
        for (var i = 0; i < autos.Count; i++)
        {
            manager.VerifyBackup(autos[i].Path).IsValid.Should().BeTrue();
            using var archive = System.IO.Compression.ZipFile.OpenRead(autos[i].Path);
            using var entry = archive.GetEntry("user_profile.json")!.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            copy.ToArray().Should().Equal(previous[i], $"backup {i} holds the profile as it was before save {i}");
        }

        DataDirectoryChecks.TempFiles(dataDirectory).Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_LargeProfile_TwoThreadsWriteTheSameBytesAsOne()
    {
        // From the second save on, a profile of 128 KB or more (UserDataManager.SplitSerializationBytes) is serialized by two threads.
        var dataDirectory = _temp.Combine("data");
        var manager = Managers.Initialized(dataDirectory);
        var profilePath = Path.Combine(dataDirectory, "data", "user_profile.json");
        var profile = TestHost.SampleProfiles.Valid("large", workEntries: 600);

        for (var i = 0; i < 5; i++)
        {
            profile.Summary = $"save {i}";
            manager.SaveUserProfile(profile);

            var written = File.ReadAllBytes(profilePath);
            written.Length.Should().BeGreaterThan(128 * 1024);
            written.Should().Equal(UserProfileSerializer.Serialize(profile), $"save {i}");
        }

        manager.LoadUserProfile().WorkExperience.Should().HaveCount(600);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SaveUserProfile_LargeInvalidProfile_IsRefusedAndNothingChanges(bool autoBackup)
    {
        // With an auto backup a large profile is validated first, before the archive starts; without one, on a pool thread
        // while its temp file is written and flushed (the temp file is then deleted). Either way the caller gets all errors.
        var dataDirectory = _temp.Combine("data");
        var manager = Managers.Initialized(dataDirectory, o => o.AutoBackupEnabled = autoBackup);
        var profile = TestHost.SampleProfiles.Valid("large", workEntries: 600);
        manager.SaveUserProfile(profile);
        var before = DataDirectoryChecks.Snapshot(dataDirectory);
        profile.PersonalInfo!.Email = "not-an-email";
        profile.WorkExperience[599].StartDate = "someday";

        var error = FluentActions.Invoking(() => manager.SaveUserProfile(profile)).Should().ThrowExactly<ProfileValidationException>().Which;

        error.Errors.Select(e => e.Path).Should().BeEquivalentTo("personal_info.email", "work_experience[599].start_date");
        DataDirectoryChecks.Snapshot(dataDirectory).Should().Equal(before);
    }

    [Fact]
    public void SaveUserProfile_LargeProfileWhileTheLockIsHeld_TimesOutThenSavesTheSameBytes()
    {
        // The pool thread starts serializing a large profile before the lock is taken; a save that then times out must
        // stop it, change nothing, and leave the next save byte-identical to a one-thread serialization.
        var dataDirectory = _temp.Combine("data");
        var manager = Managers.Initialized(dataDirectory, o => o.LockTimeout = TimeSpan.FromMilliseconds(200));
        var profile = TestHost.SampleProfiles.Valid("large", workEntries: 600);
        manager.SaveUserProfile(profile);
        var before = DataDirectoryChecks.Snapshot(dataDirectory);
        profile.Summary = "while locked";

        using (new FileStream(Path.Combine(dataDirectory, "data", ".user_profile.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            FluentActions.Invoking(() => manager.SaveUserProfile(profile)).Should().ThrowExactly<DataLockTimeoutException>();
        }

        DataDirectoryChecks.Snapshot(dataDirectory).Should().Equal(before);
        manager.SaveUserProfile(profile);
        File.ReadAllBytes(manager.ProfilePath).Should().Equal(UserProfileSerializer.Serialize(profile));
    }
}
