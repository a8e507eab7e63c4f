using System.Globalization;
using System.Text;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Tests.Backups;

/// <summary>
/// Files of resumes/ and cover_letters/ whose names no backup can hold (legal on Linux and macOS): backups leave them out
/// and say so; restores never delete them, since neither the restored backup nor the pre-restore one has them.
/// </summary>
public class UnstorableFileNameTests
{
    private const string ColonResume = "resumes/CV 10:30.pdf";

    private static ManagerTestContext WithProfile()
    {
        var context = new ManagerTestContext();
        context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        return context;
    }

    private static IEnumerable<string> LeftOutInMetadata(ManagerTestContext context, string archive) =>
        ManagerArchives.ReadMetadata(context.FileSystem, archive).GetProperty("left_out").EnumerateArray().Select(e => e.GetString()!);

    [Fact]
    public void RestoreFromBackup_OlderBackup_LeavesAResumeNamedWithAColonInPlace()
    {
        var context = WithProfile();
        var manager = context.Manager;
        context.WriteFile("resumes/old.txt", "old");
        var older = manager.BackupData("older");
        context.Time.Advance(TimeSpan.FromSeconds(1));
        context.WriteFile(ColonResume, [1, 2, 3]);
        context.WriteFile("cover_letters/2025: Acme/letter.txt", "Dear Acme");
        context.WriteFile("resumes/added-later.txt", "backed up by the pre-restore backup");

        manager.RestoreFromBackup(older);

        context.FileSystem.File.ReadAllBytes(context.PathOf(ColonResume)).Should().Equal(1, 2, 3);
        context.FileSystem.File.ReadAllText(context.PathOf("cover_letters/2025: Acme/letter.txt")).Should().Be("Dear Acme");
        context.FileSystem.File.Exists(context.PathOf("resumes/added-later.txt")).Should().BeFalse("the restore still makes resumes/ match the backup");
        context.FileSystem.File.ReadAllText(context.PathOf("resumes/old.txt")).Should().Be("old");
        LeftOutInMetadata(context, manager.LastPreRestoreBackupPath!).Should().Equal(ColonResume, "cover_letters/2025: Acme/letter.txt");
    }

    [Fact]
    public void RestoreFromBackup_UnstorableFileKept_LogsAWarningNamingIt()
    {
        var context = WithProfile();
        var older = context.Manager.BackupData();
        context.Time.Advance(TimeSpan.FromSeconds(1));
        context.WriteFile(ColonResume, "mine");
        context.Logger.Collector.Clear();

        context.Manager.RestoreFromBackup(older);

        var record = context.Logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 41).Which;
        record.Level.Should().Be(LogLevel.Warning);
        record.Message.Should().Be($"Restore from {older} left {context.PathOf(ColonResume)} as it was: the name contains ':', so no backup can hold it");
    }

    [Fact]
    public void RestoreFromBackup_ThenItsPreRestoreBackup_KeepsTheUnstorableFileThroughout()
    {
        var context = WithProfile();
        var manager = context.Manager;
        var older = manager.BackupData();
        context.Time.Advance(TimeSpan.FromSeconds(1));
        context.WriteFile(ColonResume, "mine");
        context.WriteFile("resumes/safe.txt", "safe");

        manager.RestoreFromBackup(older);
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.RestoreFromBackup(manager.LastPreRestoreBackupPath!);

        context.FileSystem.File.ReadAllText(context.PathOf(ColonResume)).Should().Be("mine");
        context.FileSystem.File.ReadAllText(context.PathOf("resumes/safe.txt")).Should().Be("safe", "the undo brings back what the pre-restore backup holds");
    }

    [Theory]
    [InlineData("resumes/CV 10:30.pdf", "the name contains ':'")]
    [InlineData("resumes/a\\b.pdf", "the name contains '\\'")]
    [InlineData("resumes/tab\there.txt", "the name contains a control character")]
    [InlineData("cover_letters/ends with a dot.", "'ends with a dot.' ends in '.'")]
    [InlineData("cover_letters/ends with a space ", "'ends with a space ' ends in a space")]
    [InlineData("resumes/folder./cv.txt", "'folder.' ends in '.'")]
    public void BackupData_NameNoBackupCanHold_IsLeftOutLoggedAndReported(string relative, string reason)
    {
        var context = WithProfile();
        context.WriteFile(relative, "not storable");
        context.WriteFile("resumes/cv.txt", "storable");

        var backup = context.Manager.BackupData();

        var entries = ManagerArchives.ReadEntries(context.FileSystem, backup);
        entries.Keys.Should().BeEquivalentTo("data/user_profile.json", "resumes/cv.txt", "metadata.json");
        LeftOutInMetadata(context, backup).Should().Equal(relative);
        ManagerArchives.ReadMetadata(context.FileSystem, backup).GetProperty("missing").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(new[] { "config.yaml" }, "missing keeps its meaning: parts absent from the data directory");
        var shown = relative.Replace('\t', '?');
        context.Manager.FilesLeftOutOfLastBackup.Should().Equal($"{shown} ({reason})");
        var record = context.Logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 40).Which;
        record.Level.Should().Be(LogLevel.Warning);
        record.Message.Should().Be($"The Manual backup leaves out {context.PathOf(shown)}: {reason}, and a backup holds only names every system can restore. Rename the file to have it backed up");
        context.Manager.VerifyBackup(backup).IsValid.Should().BeTrue();
    }

    [Fact]
    public void BackupData_EveryNameStorable_RecordsNothingLeftOut()
    {
        var context = WithProfile();
        context.WriteFile(ColonResume, "x");
        context.Manager.BackupData();
        context.FileSystem.File.Delete(context.PathOf(ColonResume));
        context.Time.Advance(TimeSpan.FromSeconds(1));

        var backup = context.Manager.BackupData();

        context.Manager.FilesLeftOutOfLastBackup.Should().BeEmpty("the property describes the latest backup only");
        ManagerArchives.ReadMetadata(context.FileSystem, backup).TryGetProperty("left_out", out _).Should().BeFalse("an archive that left nothing out has the format it always had");
    }

    [Fact]
    public async Task ExportDataAsync_NameNoBackupCanHold_IsLeftOutAndReported()
    {
        var context = WithProfile();
        context.WriteFile(ColonResume, "x");
        context.FileSystem.Directory.CreateDirectory("/media/usb");

        var export = await context.Manager.ExportDataAsync("/media/usb/arf.zip", cancellationToken: TestContext.Current.CancellationToken);

        ManagerArchives.ReadEntries(context.FileSystem, export).Keys.Should().NotContain(k => k.StartsWith("resumes/", StringComparison.Ordinal));
        LeftOutInMetadata(context, export).Should().Equal(ColonResume);
        context.Manager.FilesLeftOutOfLastBackup.Should().Equal($"{ColonResume} (the name contains ':')");
        context.Logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 40).Which.Message.Should().StartWith("The Export backup leaves out ");
    }

    [Fact]
    public void VerifyBackup_FullBackupWhileAnUnstorableFileIsThere_WarnsTheRestoreLeavesItInPlace()
    {
        var context = WithProfile();
        context.WriteFile(ColonResume, "x");
        var backup = context.Manager.BackupData();

        var result = context.Manager.VerifyBackup(backup);

        result.IsValid.Should().BeTrue();
        result.Warnings.Should().Equal($"{ColonResume} has a name no backup can hold (the name contains ':'): a restore leaves it as it is. Rename it to have it backed up.");
    }

    [Fact]
    public void VerifyBackup_FileLeftOutAndGoneSince_WarnsTheRestoreCannotBringItBack()
    {
        var context = WithProfile();
        context.WriteFile(ColonResume, "x");
        var backup = context.Manager.BackupData();
        context.FileSystem.File.Delete(context.PathOf(ColonResume));

        context.Manager.VerifyBackup(backup).Warnings.Should()
            .Equal($"{ColonResume} was left out of this backup because no backup can hold its name (the name contains ':'): a restore cannot bring it back.");
    }

    [Fact]
    public void VerifyBackup_AutoBackup_HasNoWarningAboutNamesItsRestoreDoesNotTouch()
    {
        var context = WithProfile();
        context.WriteFile(ColonResume, "x");
        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Later"));
        var auto = context.Manager.ListAvailableBackups().First(b => b.Kind == BackupKind.Auto);

        context.Manager.VerifyBackup(auto.Path).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void VerifyBackup_HostileLeftOutList_IsShownSafelyAndCapped()
    {
        var context = WithProfile();
        var profile = UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile());
        var names = Enumerable.Range(0, 150).Select(i => $"resumes/evil\n{i}:x").Prepend("resumes/\u001b[31mred").ToList();
        var metadata = new StringBuilder()
            .Append("{\"kind\":\"manual\",\"created_at\":\"2025-01-02T03:04:05Z\",\"version\":\"1.0\",\"source_path\":\"/x\",")
            .Append(CultureInfo.InvariantCulture, $"\"files\":[{{\"path\":\"data/user_profile.json\",\"size_bytes\":{profile.Length},\"sha256\":\"{ManagerArchives.Sha256(profile)}\"}}],")
            .Append("\"missing\":[],\"left_out\":[").AppendJoin(',', names.Select(n => System.Text.Json.JsonSerializer.Serialize(n))).Append("]}")
            .ToString();
        context.WriteFile("backups/hostile_20250101_000000.zip", new ManagerArchiveBuilder().WithoutMetadata().Add("data/user_profile.json", profile).Add("metadata.json", metadata, listed: false).Build());

        var result = context.Manager.VerifyBackup("hostile_20250101_000000.zip");

        result.IsValid.Should().BeTrue("left_out is a note for the user, never used to decide anything");
        result.Warnings.Should().HaveCount(101);
        result.Warnings[0].Should().StartWith("resumes/?[31mred was left out of this backup");
        result.Warnings.Should().OnlyContain(w => !w.Any(char.IsControl));
        result.Warnings[^1].Should().Be("51 more files were left out of this backup for the same reason.");
    }
}
