using AutoResumeFiller.Data.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.IntegrationTests.Reliability;

/// <summary>
/// Issue 6, suite 5: links planted where the library is about to write a backup are never followed or overwritten,
/// and after a full workout every file under the data directory is 0600 and every folder 0700.
/// </summary>
public sealed class SecuritySuite(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TempDirectory _temp = new("arf-security");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("auto_backup")]
    [InlineData("manual")]
    [InlineData("pre_restore")]
    public void Backup_SymlinksPlantedAtTheNextBackupNames_AreNeverFollowedOrReplaced(string prefix)
    {
        SkipOnWindows();
        var root = _temp.Combine("data");
        var outside = _temp.Combine("outside");
        Directory.CreateDirectory(outside);
        var time = new FakeTimeProvider(Now);
        var manager = Managers.Initialized(root, configure: null, time);
        var earlier = manager.BackupData("manual");
        time.Advance(TimeSpan.FromSeconds(1));
        foreach (var old in manager.ListAvailableBackups().Where(b => b.Path != earlier))
        {
            File.Delete(old.Path);
        }

        var existingTarget = Path.Combine(outside, "existing.zip");
        File.WriteAllText(existingTarget, "outside: do not touch");
        var danglingTarget = Path.Combine(outside, "dangling.zip");
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd_HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var links = new[]
        {
            (Link: Path.Combine(root, "backups", $"{prefix}_{stamp}.zip"), Target: existingTarget),
            (Link: Path.Combine(root, "backups", $"{prefix}_{stamp}_2.zip"), Target: danglingTarget),
        };
        foreach (var (link, target) in links)
        {
            File.CreateSymbolicLink(link, target);
        }

        string? created = prefix switch
        {
            "auto_backup" => SaveAndFindAuto(manager),
            "manual" => manager.BackupData("manual"),
            _ => RestoreAndFindPreRestore(manager, earlier),
        };

        File.ReadAllText(existingTarget).Should().Be("outside: do not touch");
        File.Exists(danglingTarget).Should().BeFalse("nothing is created through a dangling link");
        foreach (var (link, target) in links)
        {
            new FileInfo(link).LinkTarget.Should().Be(target, "the planted link is left as it was, not replaced");
        }

        created.Should().NotBeNull($"the {prefix} backup was written under another name");
        links.Select(l => l.Link).Should().NotContain(created);
        new FileInfo(created!).LinkTarget.Should().BeNull();
        manager.VerifyBackup(created!).IsValid.Should().BeTrue();
        manager.ListAvailableBackups().Select(b => b.Path).Should().NotIntersectWith(links.Select(l => l.Link), "links are never listed as backups");
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();
        Stress.Report(output, $"security ({prefix}): 2 planted links untouched, backup written as {Path.GetFileName(created)}");
    }

    [Fact]
    public void AllOperations_AfterAFullWorkout_EveryFileIs0600AndEveryFolder0700()
    {
        SkipOnWindows();
        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root);
        for (var i = 0; i < 15; i++)
        {
            manager.SaveUserProfile(TestHost.SampleProfiles.Valid($"v{i}"));
        }

        manager.UpdateUserProfile(p =>
        {
            p.Skills.Add("security");
            return p;
        });
        Directory.CreateDirectory(Path.Combine(root, "resumes", "nested", "deeper"), DataDirectoryChecks.PrivateFolder);
        File.WriteAllText(Path.Combine(root, "resumes", "nested", "deeper", "cv.txt"), "cv");
        File.SetUnixFileMode(Path.Combine(root, "resumes", "nested", "deeper", "cv.txt"), DataDirectoryChecks.PrivateFile);
        var backup = manager.BackupData("workout");
        Directory.Delete(Path.Combine(root, "resumes", "nested"), recursive: true);
        manager.RestoreFromBackup(backup);
        manager.RestoreFromBackup(manager.LastPreRestoreBackupPath!);
        manager.InitializeDataDirectory();

        var violations = DataDirectoryChecks.ModeViolations(root);
        var entries = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Count();
        Stress.Report(output, $"security (modes): {entries} entries checked, {violations.Count} not 0600/0700");
        violations.Should().BeEmpty();
    }

    private static string? SaveAndFindAuto(UserDataManager manager)
    {
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("with planted links"));
        return manager.ListAvailableBackups().FirstOrDefault(b => b.Kind == BackupKind.Auto)?.Path;
    }

    private static string? RestoreAndFindPreRestore(UserDataManager manager, string backup)
    {
        manager.RestoreFromBackup(backup);
        return manager.LastPreRestoreBackupPath;
    }

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("symbolic links need privileges on Windows and modes do not exist; these checks run on Linux and macOS");
        }
    }
}
