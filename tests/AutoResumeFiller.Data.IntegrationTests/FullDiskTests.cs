using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Issue 3: a real full disk (a small tmpfs, root on Linux) fails a save safely.</summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(8 * 1024)]
    public void SaveUserProfile_DiskFillsDuringWrite_ThrowsInsufficientDiskSpaceAndKeepsOldProfile(int leaveFreeBytes)
    {
        var mount = MountOrSkip(2048);
        var root = Path.Combine(mount, "arf");
        var manager = Managers.Create(root, o => o.MinimumFreeDiskSpaceBytes = 0);
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("before the disk filled", workEntries: 20));
        var before = File.ReadAllBytes(manager.ProfilePath);
        var filler = Path.Combine(mount, "filler.bin");
        Tmpfs.Fill(filler, leaveFreeBytes);

        var act = () => manager.SaveUserProfile(TestHost.SampleProfiles.Valid("too big to fit", workEntries: 80));

        var thrown = act.Should().Throw<InsufficientDiskSpaceException>().Which;
        thrown.Message.Should().StartWith("Insufficient disk space");
        thrown.InnerException.Should().BeAssignableTo<IOException>().Which.HResult.Should().Be(28, "the failure is the real ENOSPC of the write");
        File.ReadAllBytes(manager.ProfilePath).Should().Equal(before, "the previous profile is byte-for-byte intact");
        DataDirectoryChecks.TempFiles(root).Should().BeEmpty("the temp file of the failed write is deleted");
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();

        File.Delete(filler);
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("after freeing space", workEntries: 80));
        manager.LoadUserProfile().Summary.Should().Be("after freeing space");
    }

    [Fact]
    public void SaveUserProfile_DefaultMinimumOnSmallDisk_FailsThePreCheckWithTheContractMessage()
    {
        var mount = MountOrSkip(2048);
        var root = Path.Combine(mount, "arf");
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = root });
        manager.InitializeDataDirectory();
        var before = File.ReadAllBytes(manager.ProfilePath);

        var act = () => manager.SaveUserProfile(TestHost.SampleProfiles.Valid());

        var thrown = act.Should().Throw<InsufficientDiskSpaceException>().Which;
        thrown.Message.Should().StartWith("Insufficient disk space (10MB required)");
        thrown.RequiredBytes.Should().Be(10L * 1024 * 1024);
        thrown.AvailableBytes.Should().BeLessThan(10L * 1024 * 1024);
        thrown.Suggestion.Should().Contain("Free some disk space");
        File.ReadAllBytes(manager.ProfilePath).Should().Equal(before);
        DataDirectoryChecks.TempFiles(root).Should().BeEmpty();
        manager.ListAvailableBackups().Should().BeEmpty("the check runs before the auto backup");
    }

    [Fact]
    public void BackupData_DiskFull_ThrowsInsufficientDiskSpaceAndLeavesNoPartialArchive()
    {
        var mount = MountOrSkip(2048);
        var root = Path.Combine(mount, "arf");
        var manager = Managers.Create(root, o => o.MinimumFreeDiskSpaceBytes = 0);
        manager.InitializeDataDirectory();
        var random = new Random(7);
        var resume = new byte[300 * 1024];
        random.NextBytes(resume);
        File.WriteAllBytes(Path.Combine(root, "resumes", "cv.pdf"), resume);
        Tmpfs.Fill(Path.Combine(mount, "filler.bin"), 100 * 1024);

        var act = () => manager.BackupData("full");

        act.Should().Throw<InsufficientDiskSpaceException>();
        manager.ListAvailableBackups().Should().BeEmpty();
        DataDirectoryChecks.TempFiles(root).Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_ContentLargerThanTheFreeSpace_IsRefusedBeforeAnythingChanges()
    {
        // Issue 15: verification compares what the archive expands to with the drive's free space (beyond
        // MinimumFreeDiskSpaceBytes), so a restore that cannot fit is refused before its pre-restore backup or any file.
        var mount = MountOrSkip(2048);
        var root = Path.Combine(mount, "arf");
        var manager = Managers.Create(root, o => o.MinimumFreeDiskSpaceBytes = 0);
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("in the backup"));
        var resume = new byte[400 * 1024];
        new Random(5).NextBytes(resume);
        File.WriteAllBytes(Path.Combine(root, "resumes", "cv.pdf"), resume);
        var backup = manager.BackupData("full");
        File.Delete(Path.Combine(root, "resumes", "cv.pdf"));
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("current"));
        Tmpfs.Fill(Path.Combine(mount, "filler.bin"), 120 * 1024);
        var before = DataDirectoryChecks.Snapshot(root);

        var act = () => manager.RestoreFromBackup(backup);

        act.Should().ThrowExactly<InvalidBackupException>("resumes/cv.pdf (400 KB) does not fit, and restore refuses what verification refuses")
            .WithInnerExceptionExactly<InsufficientDiskSpaceException>();
        manager.VerifyBackup(backup).Problems.Should().ContainSingle().Which.Should().StartWith("the archive expands to ");
        DataDirectoryChecks.Snapshot(root).Should().Equal(before, "nothing is written, not even a pre-restore backup");
        manager.LoadUserProfile().Summary.Should().Be("current");
        manager.LastPreRestoreBackupPath.Should().BeNull();
    }

    private string MountOrSkip(int kilobytes)
    {
        if (Tmpfs.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        if (Tmpfs.TryMount(_temp, kilobytes, out var mount) is { } failure)
        {
            Assert.Skip(failure);
        }

        return mount;
    }
}
