using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>
/// Saves once the auto backups have reached their limit: rotation removes only its own name of the oldest backup, and an
/// invalid profile touches no backup.
/// </summary>
public sealed class AutoBackupLimitTests : IDisposable
{
    private const int Keep = 3;
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

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

        DataDirectoryChecks.Sha256(kept).Should().Be(keptHash, "rotation removes only its own name of a file; another hard link keeps its content");
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

        Autos(manager).Select(b => (b.FileName, DataDirectoryChecks.Sha256(b.Path))).Should().Equal(before, "an invalid profile is refused before any backup is written or rotated");
        Directory.GetFiles(manager.BackupsDirectory, "*.tmp").Should().BeEmpty();
    }

    private static void SkipUnlessLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("these tests use Linux's stat and ln to check inodes and hard links");
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
