using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>
/// Rotation ahead of time on Linux: once the auto backups reach the limit, a save's auto backup overwrites the oldest
/// one's blocks instead of deleting one file and writing another, but only for a regular file with no other name.
/// </summary>
public sealed class BackupReuseTests : IDisposable
{
    private const int Keep = 3;
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveUserProfile_AtTheLimit_OverwritesTheOldestBackupsFileWithAnExactPrivateArchive()
    {
        SkipUnlessLinux();
        var manager = FullOfBackups();
        var oldest = Autos(manager)[^1];
        var oldestInode = Inode(oldest.Path);

        // A longer file (the new archive must be cut to its own length) with a mode that is not private.
        using (var stream = new FileStream(oldest.Path, FileMode.Append))
        {
            stream.Write(new byte[200_000]);
        }

        File.SetUnixFileMode(oldest.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Save(manager, "after reuse");

        var autos = Autos(manager);
        autos.Should().HaveCount(Keep);
        File.Exists(oldest.Path).Should().BeFalse("the oldest backup was rotated away");
        var newest = autos[0];
        Inode(newest.Path).Should().Be(oldestInode, "the new archive was written over the oldest one's file");
        newest.SizeBytes.Should().BeLessThan(100_000, "the reused file is cut to the new archive's length");
        File.GetUnixFileMode(newest.Path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        manager.VerifyBackup(newest.Path).IsValid.Should().BeTrue();
        autos.Should().OnlyContain(b => manager.VerifyBackup(b.Path).IsValid);
        Managers.RestoredSummary(manager, newest.Path, _temp).Should().Be($"save {Keep}", "the new backup holds the profile before the last save");
        Directory.GetFiles(manager.BackupsDirectory, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_OldestBackupHasAnotherHardLink_LeavesThatCopyUntouched()
    {
        SkipUnlessLinux();
        var manager = FullOfBackups();
        var oldest = Autos(manager)[^1];
        var kept = _temp.Combine("kept-copy.zip");
        Link(oldest.Path, kept);
        var keptHash = DataDirectoryChecks.Sha256(kept);
        var oldestInode = Inode(oldest.Path);

        Save(manager, "after hard link");

        DataDirectoryChecks.Sha256(kept).Should().Be(keptHash, "a file with another name is never overwritten: only our name is removed");
        var autos = Autos(manager);
        autos.Should().HaveCount(Keep);
        File.Exists(oldest.Path).Should().BeFalse();
        autos.Select(b => Inode(b.Path)).Should().NotContain(oldestInode, "the new archive is a new file");
        autos.Should().OnlyContain(b => manager.VerifyBackup(b.Path).IsValid);
    }

    [Fact]
    public void SaveUserProfile_InvalidProfileAtTheLimit_CostsNoBackup()
    {
        SkipUnlessLinux();
        var manager = FullOfBackups();
        var before = Autos(manager).Select(b => (b.FileName, DataDirectoryChecks.Sha256(b.Path))).ToList();

        FluentActions.Invoking(() => manager.SaveUserProfile(new UserProfile { PersonalInfo = new PersonalInfo { FirstName = "", LastName = "x", Email = "nope" } }))
            .Should().Throw<ProfileValidationException>();

        Autos(manager).Select(b => (b.FileName, DataDirectoryChecks.Sha256(b.Path))).Should().Equal(before, "an invalid profile is refused before the oldest backup is touched");
        Directory.GetFiles(manager.BackupsDirectory, "*.tmp").Should().BeEmpty();
    }

    private static void SkipUnlessLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("backup files are reused only on Linux (where a file can be opened without following links and checked for other names)");
        }
    }

    private static List<BackupInfo> Autos(UserDataManager manager) =>
        [.. manager.ListAvailableBackups().Where(b => b.Kind == BackupKind.Auto)];

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output.Trim();
    }

    private static long Inode(string path) => long.Parse(Run("stat", "-c", "%i", path), CultureInfo.InvariantCulture);

    private static void Link(string existing, string newName) => Run("ln", existing, newName);

    private UserDataManager FullOfBackups()
    {
        var manager = Managers.Initialized(_temp.Combine("data"), o => o.MaxAutoBackups = Keep, _time);
        for (var i = 1; i <= Keep; i++)
        {
            Save(manager, $"save {i}");
        }

        Autos(manager).Should().HaveCount(Keep);
        return manager;
    }

    private void Save(UserDataManager manager, string summary)
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        var profile = TestHost.SampleProfiles.Valid(summary);
        manager.SaveUserProfile(profile);
    }
}
