using System.IO.Compression;
using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Legacy;

public class ImportLegacyDataTests
{
    // Not the platform default, so that initialization does not import it by itself (see InitializeLegacyImportTests).
    private const string Legacy = "/mnt/old-laptop/AutoResumeFiller";

    private static ManagerTestContext WithLegacyFolder(Action<UserDataManagerOptions>? configure = null, IDictionary<string, byte[]>? files = null)
    {
        var context = new ManagerTestContext(configure);
        PythonApp.Install(context.FileSystem, Legacy, files);
        return context;
    }

    private static Dictionary<string, string> LegacySnapshot(ManagerTestContext context) =>
        context.Snapshot().Where(kv => kv.Key.StartsWith(Legacy, StringComparison.Ordinal)).ToDictionary();

    private static byte[] ProfileInArchive(ManagerTestContext context, string archive)
    {
        using var zip = new ZipArchive(context.FileSystem.File.OpenRead(archive), ZipArchiveMode.Read);
        using var stream = zip.GetEntry("user_profile.json")!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void ImportLegacyData_PythonAppFolder_ImportsProfileBackupsAndFiles()
    {
        var context = WithLegacyFolder();
        var legacyBefore = LegacySnapshot(context);

        var result = context.Manager.ImportLegacyData(Legacy)!;

        result.Profile.Should().Be(LegacyProfileOutcome.Imported);
        result.BackupsImported.Should().Equal("auto_backup_20261203_075841.json", "auto_backup_20261203_075842.json");
        result.FilesCopied.Should().Equal("config.yaml", "cover_letters/acme_corp.txt", "resumes/resume_2025.pdf");
        result.BackupsSkipped.Should().BeEmpty();
        result.IsPreview.Should().BeFalse();
        var profile = context.Manager.LoadUserProfile();
        profile.PersonalInfo!.FirstName.Should().Be("Amara");
        profile.LastUpdated.Should().Be(ManagerTestContext.Start.UtcDateTime, "the profile came in through a normal save");

        // Local names (the fake zone is UTC+2) become UTC names, oldest first, each holding the legacy file byte for byte.
        var backups = context.Manager.ListAvailableBackups();
        backups.Select(b => b.FileName).Should().Equal("auto_backup_20261203_055842.zip", "auto_backup_20261203_055841.zip");
        backups.Should().OnlyContain(b => b.Kind == BackupKind.Auto);
        ProfileInArchive(context, backups[1].Path).Should().Equal(PythonApp.LegacyFiles()["backups/auto_backup_20261203_075841.json"]);
        backups.Should().OnlyContain(b => context.Manager.VerifyBackup(b.Path).IsValid);

        var legacy = PythonApp.LegacyFiles();
        context.FileSystem.File.ReadAllBytes(context.PathOf("config.yaml")).Should().Equal(legacy["config.yaml"]);
        context.FileSystem.File.ReadAllBytes(context.PathOf("resumes/resume_2025.pdf")).Should().Equal(legacy["resumes/resume_2025.pdf"]);
        LegacySnapshot(context).Should().Equal(legacyBefore, "the legacy folder is only read");
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void ImportLegacyData_SecondRun_ImportsNothingTwice()
    {
        var context = WithLegacyFolder();
        context.Manager.ImportLegacyData(Legacy);
        var before = context.Snapshot();

        var second = context.NewManager().ImportLegacyData(Legacy)!;

        second.Profile.Should().Be(LegacyProfileOutcome.AlreadyImported);
        second.BackupsImported.Should().BeEmpty();
        second.BackupsAlreadyImported.Should().Be(2);
        second.FilesCopied.Should().BeEmpty();
        second.FilesAlreadyPresent.Should().Be(3);
        second.ImportedAnything.Should().BeFalse();
        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void ImportLegacyData_FileRemovedAfterImport_IsNotCopiedAgain()
    {
        var context = WithLegacyFolder();
        context.Manager.ImportLegacyData(Legacy);
        context.FileSystem.File.Delete(context.PathOf("resumes/resume_2025.pdf"));

        var second = context.Manager.ImportLegacyData(Legacy)!;

        second.FilesCopied.Should().BeEmpty("the ledger remembers what an earlier run copied");
        context.FileSystem.File.Exists(context.PathOf("resumes/resume_2025.pdf")).Should().BeFalse();
    }

    [Fact]
    public void ImportLegacyData_InvalidLegacyProfile_ThrowsWithEveryErrorAndChangesNothing()
    {
        var files = PythonApp.LegacyFiles();
        files["user_profile.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(PythonApp.ProfileWith("personal_info.email", "not-an-email"))
            .Replace("\"start_date\":\"2015-01\"", "\"start_date\":\"January 2015\"", StringComparison.Ordinal));
        var context = WithLegacyFolder(files: files);
        var before = context.Snapshot();

        var act = () => context.Manager.ImportLegacyData(Legacy);

        act.Should().Throw<ProfileValidationException>().Which.Errors.Select(e => e.Path)
            .Should().BeEquivalentTo("personal_info.email", "work_experience[0].start_date");
        context.Snapshot().Should().Equal(before, "an invalid legacy profile changes nothing: no backup, no file, no ledger");
    }

    [Fact]
    public void ImportLegacyData_FolderWithoutProfile_ReturnsNull()
    {
        var context = new ManagerTestContext();
        context.FileSystem.Directory.CreateDirectory(Legacy);

        context.Manager.ImportLegacyData(Legacy).Should().BeNull();
        context.Manager.ImportLegacyData("/nowhere").Should().BeNull();
        context.FileSystem.Directory.Exists(ManagerTestContext.Root).Should().BeFalse("nothing was created");
    }

    [Fact]
    public void ImportLegacyData_ProfileWithContentAlreadyThere_KeepsItAndStillImportsBackupsAndFiles()
    {
        var context = WithLegacyFolder();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));
        context.WriteFile("config.yaml", "mine: true\n");

        var result = manager.ImportLegacyData(Legacy)!;

        result.Profile.Should().Be(LegacyProfileOutcome.KeptExisting);
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
        result.FilesKept.Should().Equal("config.yaml");
        context.FileSystem.File.ReadAllText(context.PathOf("config.yaml")).Should().Be("mine: true\n", "a file of ours is never replaced");
        result.BackupsImported.Should().HaveCount(2);
    }

    [Fact]
    public void ImportLegacyData_EmptyProfileFromAnEarlierInit_IsReplacedWithoutBackingItUp()
    {
        var context = WithLegacyFolder();
        var manager = context.Initialized();

        var result = manager.ImportLegacyData(Legacy)!;

        result.Profile.Should().Be(LegacyProfileOutcome.Imported);
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        manager.ListAvailableBackups().Should().HaveCount(2, "only the legacy backups: an empty profile is not worth a backup above them");
    }

    [Fact]
    public void ImportLegacyData_MoreBackupsThanMaxAutoBackups_KeepsTheNewestAndNeverReimportsRotatedOnes()
    {
        var files = PythonApp.LegacyFiles();
        var first = new DateTime(2026, 11, 1, 9, 0, 0);
        for (var i = 0; i < 12; i++)
        {
            files[PythonApp.BackupName(first.AddMinutes(i))] = PythonApp.ProfileWith("summary", $"version {i}");
        }

        var context = WithLegacyFolder(o => o.MaxAutoBackups = 5, files);

        var result = context.Manager.ImportLegacyData(Legacy)!;
        var second = context.Manager.ImportLegacyData(Legacy)!;

        result.BackupsImported.Should().HaveCount(14);
        var kept = context.Manager.ListAvailableBackups();
        kept.Select(b => b.FileName).Should().Equal(
            "auto_backup_20261203_055842.zip", "auto_backup_20261203_055841.zip",
            "auto_backup_20261101_071100.zip", "auto_backup_20261101_071000.zip", "auto_backup_20261101_070900.zip");
        second.BackupsImported.Should().BeEmpty("rotated backups are remembered as imported");
        second.BackupsAlreadyImported.Should().Be(14);
        context.Manager.ListAvailableBackups().Should().HaveCount(5);
    }

    [Fact]
    public void ImportLegacyData_BackupInTheSameSecondAsOneOfOurs_GetsACounterAndBothAreKept()
    {
        var context = WithLegacyFolder();
        context.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 5, 58, 41, TimeSpan.Zero));
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace")); // two auto backups of ours at 05:58:41 UTC

        manager.ImportLegacyData(Legacy);

        manager.ListAvailableBackups().Select(b => b.FileName).Should().Equal(
            "auto_backup_20261203_055842.zip", "auto_backup_20261203_055841_3.zip", "auto_backup_20261203_055841_2.zip", "auto_backup_20261203_055841.zip");
        ProfileInArchive(context, context.PathOf("backups/auto_backup_20261203_055841_3.zip"))
            .Should().Equal(PythonApp.LegacyFiles()["backups/auto_backup_20261203_075841.json"], "the legacy backup never replaces one of ours");
    }

    [Fact]
    public void ImportLegacyData_BrokenOrInvalidBackups_AreSkippedWithTheReason()
    {
        var files = PythonApp.LegacyFiles();
        files["backups/auto_backup_20261101_090000.json"] = "{ not json"u8.ToArray();
        files["backups/auto_backup_20261101_090001.json"] = PythonApp.ProfileWith("personal_info.email", "nope");
        files["backups/notes.json"] = "{}"u8.ToArray();
        var context = WithLegacyFolder(files: files);

        var result = context.Manager.ImportLegacyData(Legacy)!;

        result.BackupsImported.Should().HaveCount(2);
        result.BackupsSkipped.Should().HaveCount(2);
        result.BackupsSkipped[0].Should().StartWith("auto_backup_20261101_090000.json: Failed to parse user_profile.json: ");
        result.BackupsSkipped[1].Should().StartWith("auto_backup_20261101_090001.json: the profile in it is invalid").And.Contain("personal_info.email");
    }

    [Fact]
    public void ImportLegacyData_FailureAfterAnArchiveIsWritten_RerunCompletesWithoutDuplicates()
    {
        var context = WithLegacyFolder();
        context.FileSystem.Fault = LegacyImportFaults.NthLedgerWrite(6);

        var act = () => context.Manager.ImportLegacyData(Legacy);
        act.Should().Throw<UserDataException>();
        context.FileSystem.Fault = null;
        context.Manager.ListAvailableBackups().Should().HaveCount(1, "the first backup's archive was written, its record was not");

        var rerun = context.Manager.ImportLegacyData(Legacy)!;

        rerun.BackupsImported.Should().Equal("auto_backup_20261203_075842.json");
        rerun.BackupsAlreadyImported.Should().Be(1, "the archive on disk was recognised by its checksum");
        context.Manager.ListAvailableBackups().Should().HaveCount(2);
        context.Manager.ImportLegacyData(Legacy)!.ImportedAnything.Should().BeFalse();
    }

    [Fact]
    public void PreviewLegacyImport_ChangesNothingAndMatchesTheImport()
    {
        var context = WithLegacyFolder();
        var before = context.Snapshot();

        var preview = context.Manager.PreviewLegacyImport(Legacy)!;

        context.Snapshot().Should().Equal(before);
        preview.IsPreview.Should().BeTrue();
        var result = context.Manager.ImportLegacyData(Legacy)!;
        preview.Profile.Should().Be(result.Profile);
        preview.BackupsImported.Should().Equal(result.BackupsImported);
        preview.FilesCopied.Should().Equal(result.FilesCopied);
        context.Manager.PreviewLegacyImport(Legacy)!.ImportedAnything.Should().BeFalse();
    }
}
