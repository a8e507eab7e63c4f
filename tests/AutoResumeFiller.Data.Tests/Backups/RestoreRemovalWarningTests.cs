using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

/// <summary>
/// A restore of a full backup makes config.yaml, resumes/ and cover_letters/ what the backup holds, so current files it
/// does not hold are removed (kept by the pre-restore backup). VerifyBackup names them before anything happens.
/// </summary>
public class RestoreRemovalWarningTests
{
    private static (ManagerTestContext Context, string Backup) OlderFullBackup()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.WriteFile("resumes/kept.txt", "in the backup");
        var backup = manager.BackupData("older");
        context.WriteFile("config.yaml", "api_key: secret");
        context.WriteFile("resumes/cv.pdf", "added since");
        context.WriteFile("cover_letters/2025/acme.txt", "added since");
        return (context, backup);
    }

    [Fact]
    public void VerifyBackup_OlderFullBackup_NamesEveryCurrentFileARestoreRemoves()
    {
        var (context, backup) = OlderFullBackup();

        var warnings = context.Manager.VerifyBackup(backup).Warnings;

        warnings.Should().Equal(
            "a restore removes 3 current files this backup does not hold: config.yaml, resumes/cv.pdf, cover_letters/2025/acme.txt (the pre-restore backup it takes first keeps them).");
    }

    [Fact]
    public void RestoreFromBackup_OlderFullBackup_RemovesExactlyTheNamedFilesAndThePreRestoreBackupHoldsThem()
    {
        var (context, backup) = OlderFullBackup();

        context.Manager.RestoreFromBackup(backup);

        context.FileSystem.File.Exists(context.PathOf("config.yaml")).Should().BeFalse();
        context.FileSystem.File.Exists(context.PathOf("resumes/cv.pdf")).Should().BeFalse();
        context.FileSystem.File.Exists(context.PathOf("cover_letters/2025/acme.txt")).Should().BeFalse();
        context.FileSystem.File.ReadAllText(context.PathOf("resumes/kept.txt")).Should().Be("in the backup");
        var entries = ManagerArchives.ReadEntries(context.FileSystem, context.Manager.LastPreRestoreBackupPath!);
        entries.Keys.Should().Contain(["config.yaml", "resumes/cv.pdf", "cover_letters/2025/acme.txt"]);
    }

    [Fact]
    public void VerifyBackup_BackupHoldingEveryCurrentFile_HasNoRemovalWarning()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.WriteFile("config.yaml", "api_key: secret");
        context.WriteFile("resumes/cv.pdf", "cv");

        manager.VerifyBackup(manager.BackupData()).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void VerifyBackup_AutoBackup_HasNoRemovalWarning()
    {
        // An auto backup holds the profile only; its restore leaves every other file as it is.
        var (context, _) = OlderFullBackup();
        context.Time.Advance(TimeSpan.FromSeconds(5));
        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));
        var auto = context.Manager.ListAvailableBackups().First(b => b.Kind == BackupKind.Auto);

        context.Manager.VerifyBackup(auto.Path).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void VerifyBackup_ManyFilesARestoreRemoves_NamesTwentyAndCountsTheRest()
    {
        var (context, backup) = OlderFullBackup();
        for (var i = 0; i < 30; i++)
        {
            context.WriteFile($"resumes/extra/{i:D2}.txt", "x");
        }

        var warning = context.Manager.VerifyBackup(backup).Warnings.Should().ContainSingle().Which;

        warning.Should().StartWith("a restore removes 33 current files this backup does not hold: config.yaml, ")
            .And.EndWith(" and 13 more (the pre-restore backup it takes first keeps them).");
    }
}
