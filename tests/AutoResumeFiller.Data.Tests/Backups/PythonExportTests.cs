using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

/// <summary>Exports written by the Python app (its Story 2.4 exporter) verify, list and restore with all of our checks.</summary>
public class PythonExportTests
{
    private const string ExportName = "autoresumefiller_backup_20261203_075842.zip";

    private static ManagerTestContext WithExport(byte[] archive, string name = ExportName)
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("backups/" + name, archive);
        return context;
    }

    [Fact]
    public void VerifyBackup_ThePythonAppsExport_IsValidWithItsKindAndARedactionWarning()
    {
        var context = WithExport(PythonApp.ExportZip());
        context.WriteFile("config.yaml", "ai:\n  api_key: sk-mine\n");

        var result = context.Manager.VerifyBackup(ExportName);

        result.Problems.Should().BeEmpty();
        result.Kind.Should().Be(BackupKind.Export);
        result.FilesChecked.Should().Be(4);
        result.Warnings.Should().Equal("config.yaml in this archive had its API keys redacted on export: a restore keeps the current config.yaml instead.");
    }

    [Fact]
    public void ListAvailableBackups_PythonExportInBackups_ShowsItsKindAndTheTimeInItsMetadata()
    {
        var context = WithExport(PythonApp.ExportZip());
        context.WriteFile("backups/holiday-photos.zip", "not a zip at all");

        var listed = context.Manager.ListAvailableBackups();

        listed.Should().ContainSingle();
        listed[0].FileName.Should().Be(ExportName);
        listed[0].Kind.Should().Be(BackupKind.Export);
        listed[0].CreatedAt.Should().Be(new DateTime(2026, 12, 3, 7, 58, 42, 912, DateTimeKind.Utc).AddTicks(840), "export_timestamp has no offset: read as UTC");
        listed[0].CreatedAt.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void RestoreFromBackup_PythonExport_RestoresEverythingButKeepsTheCurrentConfig()
    {
        var context = WithExport(PythonApp.ExportZip());
        context.WriteFile("config.yaml", "ai:\n  api_key: sk-mine\n");
        context.WriteFile("resumes/old.txt", "old");

        context.Manager.RestoreFromBackup(ExportName);

        var entries = PythonApp.ExportEntries();
        context.ProfileBytes().Should().Equal(entries["data/user_profile.json"]);
        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        context.FileSystem.File.ReadAllText(context.PathOf("config.yaml")).Should().Be("ai:\n  api_key: sk-mine\n", "a redacted config never replaces a working one");
        context.FileSystem.File.ReadAllBytes(context.PathOf("resumes/resume_2025.pdf")).Should().Equal(entries["resumes/resume_2025.pdf"]);
        context.FileSystem.File.Exists(context.PathOf("resumes/old.txt")).Should().BeFalse("a full restore makes resumes/ match the archive");
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 63);
    }

    [Fact]
    public void RestoreFromBackup_RedactedConfigAndNoCurrentOne_InstallsItAndSaysSo()
    {
        var context = WithExport(PythonApp.ExportZip());

        context.Manager.VerifyBackup(ExportName).Warnings.Should().ContainSingle().Which.Should().Contain("enter the API keys again");
        context.Manager.RestoreFromBackup(ExportName);

        context.FileSystem.File.ReadAllBytes(context.PathOf("config.yaml")).Should().Equal(PythonApp.ExportEntries()["config.yaml"]);
    }

    [Theory]
    [InlineData("api_key: '***REDACTED***'\n")]
    [InlineData("keys:\n  - \"**REDACTED**\"  # gone\n")]
    [InlineData("# API keys redacted for security\nmodel: x\n")]
    public void VerifyBackup_OtherRedactionForms_AreRecognised(string config)
    {
        var entries = PythonApp.ExportEntries();
        entries["config.yaml"] = Encoding.UTF8.GetBytes(config);
        var context = WithExport(PythonApp.BuildExport(entries));

        context.Manager.VerifyBackup(ExportName).Warnings.Should().ContainSingle();
    }

    [Fact]
    public void VerifyBackup_ConfigThatOnlyMentionsRedaction_HasNoWarning()
    {
        var entries = PythonApp.ExportEntries();
        entries["config.yaml"] = "note: the **REDACTED** marker is used by exports\napi_key: sk-real\n"u8.ToArray();
        var context = WithExport(PythonApp.BuildExport(entries));

        context.Manager.VerifyBackup(ExportName).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_ExportWithAMissingFolder_RestoresAndEmptiesThatFolder()
    {
        var entries = PythonApp.ExportEntries();
        entries.Remove("cover_letters/acme_corp.txt");
        var context = WithExport(PythonApp.BuildExport(entries, missingDirectories: ["cover_letters"]));
        context.WriteFile("cover_letters/mine.txt", "mine");

        context.Manager.VerifyBackup(ExportName).IsValid.Should().BeTrue();
        context.Manager.RestoreFromBackup(ExportName);

        context.FileSystem.File.Exists(context.PathOf("cover_letters/mine.txt")).Should().BeFalse();
        context.Manager.LastPreRestoreBackupPath.Should().NotBeNull("the letter can be brought back from the pre-restore backup");
    }

    [Fact]
    public void VerifyBackup_TamperedExport_NamesTheFileAndBothChecksums()
    {
        var entries = PythonApp.ExportEntries();
        var tampered = new Dictionary<string, byte[]>(entries) { ["resumes/resume_2025.pdf"] = [.. entries["resumes/resume_2025.pdf"].Select(b => (byte)(b ^ 1))] };
        var context = WithExport(PythonApp.BuildExport(tampered, recorded: entries));
        var before = context.Snapshot();

        var result = context.Manager.VerifyBackup(ExportName);

        result.Problems.Should().ContainSingle().Which.Should().MatchRegex(
            "^'resumes/resume_2025.pdf' fails its SHA-256 check \\(expected 72912cf2798fb6a6f857345b3778f7c895f05d5c3de5c10fc31e3a5cf292ef97, found [0-9a-f]{64}\\)$");
        context.Invoking(c => c.Manager.RestoreFromBackup(ExportName)).Should().Throw<InvalidBackupException>();
        context.Snapshot().Should().Equal(before, "a refused restore changes nothing");
    }

    [Fact]
    public void VerifyBackup_ExportWithAPathOutsideTheFolder_IsRefused()
    {
        var entries = PythonApp.ExportEntries();
        entries["../../etc/cron.d/evil"] = "* * * * * root true\n"u8.ToArray();
        var context = WithExport(PythonApp.BuildExport(entries));

        var result = context.Manager.VerifyBackup(ExportName);

        result.Problems.Should().Contain("entry '../../etc/cron.d/evil' has an unsafe name (absolute, '..', backslash, drive or control characters)");
        context.Invoking(c => c.Manager.RestoreFromBackup(ExportName)).Should().Throw<InvalidBackupException>();
        context.FileSystem.File.Exists("/etc/cron.d/evil").Should().BeFalse();
    }

    [Fact]
    public void VerifyBackup_ExportWithAnInvalidProfile_ReportsTheRuleBroken()
    {
        var entries = PythonApp.ExportEntries();
        entries["data/user_profile.json"] = PythonApp.ProfileWith("personal_info.email", "nope");
        var context = WithExport(PythonApp.BuildExport(entries));

        context.Manager.VerifyBackup(ExportName).Problems.Should().ContainSingle().Which.Should().StartWith("the profile in the backup is invalid: personal_info.email");
    }

    [Fact]
    public void VerifyBackup_ExportMetadataWithoutItsTimestamp_IsNotTakenForAnExport()
    {
        var context = WithExport(PythonApp.BuildExport(PythonApp.ExportEntries(), editMetadata: m => m.Remove("export_timestamp")));

        context.Manager.VerifyBackup(ExportName).Problems.Should().Contain("metadata.json has an unknown kind ''");
        context.Manager.ListAvailableBackups().Should().BeEmpty("only archives whose metadata says export are listed by it");
    }

    [Fact]
    public void VerifyBackup_MetadataWithNullsWhereStringsBelong_IsReadWithoutThrowing()
    {
        var context = WithExport(PythonApp.BuildExport(PythonApp.ExportEntries(), editMetadata: m =>
        {
            m["kind"] = null;
            m["missing"] = null;
            foreach (var file in m["files"]!.AsArray())
            {
                file!["sha256"] = null;
            }
        }));

        context.Manager.VerifyBackup(ExportName).Kind.Should().Be(BackupKind.Export, "a null kind is as good as none, and export_timestamp is there");
        context.Manager.ListAvailableBackups().Should().ContainSingle();

        var withoutTimestamp = WithExport(PythonApp.BuildExport(PythonApp.ExportEntries(), editMetadata: m =>
        {
            m["kind"] = null;
            m.Remove("export_timestamp");
        }));
        withoutTimestamp.Manager.VerifyBackup(ExportName).IsValid.Should().BeFalse();
    }

    [Fact]
    public void VerifyBackup_ExportMetadataWithOurChecksumName_StillChecksEveryFile()
    {
        var context = WithExport(PythonApp.BuildExport(PythonApp.ExportEntries(), editMetadata: m =>
        {
            foreach (var file in m["files"]!.AsArray())
            {
                file!["sha256"] = new string('0', 64);
            }
        }));

        context.Manager.VerifyBackup(ExportName).Problems.Should().HaveCount(4, "a sha256 that is present wins over checksum_sha256, and is wrong");
    }
}
