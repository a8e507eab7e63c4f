using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>
/// The Python app's export, encrypted (DESIGN §8 with §10): a redacted config.yaml never replaces the current one, and an
/// export lying in backups/ is encrypted, listed, verified and restored like any backup there.
/// </summary>
public sealed class EncryptedPythonExportTests
{
    private const string PythonName = "autoresumefiller_backup_20261203_075842.zip";
    private const string CurrentConfig = "ai:\n  api_key: sk-mine\n";
    private const string KeepsConfigWarning = "config.yaml in this archive had its API keys redacted on export: a restore keeps the current config.yaml instead.";
    private static readonly DateTime ExportedAt = new DateTime(2026, 12, 3, 7, 58, 42, 912, DateTimeKind.Utc).AddTicks(840);

    private readonly InMemoryKeyProvider _keys = new();
    private readonly ManagerTestContext _context;

    public EncryptedPythonExportTests()
    {
        _context = new ManagerTestContext(o => o.Encryption = _keys);
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        _context.WriteFile("config.yaml", CurrentConfig);
    }

    private UserDataManager Manager => _context.Manager;

    [Fact]
    public void VerifyAndRestore_EncryptedRedactedExportFromAnywhere_WarnAndKeepTheCurrentConfig()
    {
        var path = EncryptedPythonExportOnAStick();

        var verification = Manager.VerifyBackup(path);
        Manager.RestoreFromBackup(path);

        _context.FileSystem.File.ReadAllText(_context.PathOf("config.yaml")).Should().Be(CurrentConfig, "a redacted config never replaces a working one");
        verification.Problems.Should().BeEmpty();
        verification.Warnings.Should().Equal(KeepsConfigWarning);
        Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        _context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 63);
    }

    [Fact]
    public void RestoreFromBackup_EncryptedRedactedExportAndNoCurrentConfig_InstallsItAndSaysSo()
    {
        _context.FileSystem.File.Delete(_context.PathOf("config.yaml"));
        var path = EncryptedPythonExportOnAStick();

        Manager.VerifyBackup(path).Warnings.Should().ContainSingle().Which.Should().Contain("enter the API keys again");
        Manager.RestoreFromBackup(path);

        _context.FileSystem.File.ReadAllBytes(_context.PathOf("config.yaml")).Should().Equal(PythonApp.ExportEntries()["config.yaml"]);
    }

    [Fact]
    public void EncryptExistingData_PythonExportInBackups_IsEncryptedListedVerifiedAndRestoredKeepingTheConfig()
    {
        _context.WriteFile("backups/" + PythonName, PythonApp.ExportZip());

        Manager.EncryptExistingData();

        var encrypted = _context.PathOf("backups/" + PythonName + ".enc");
        _context.FileSystem.File.Exists(_context.PathOf("backups/" + PythonName)).Should().BeFalse();
        EncryptedFiles.KeyIdOf(_context.FileSystem.File.ReadAllBytes(encrypted)).Should().Be(_keys.Ring.CurrentKey.Id);
        var entries = EncryptedFiles.Entries(_context, encrypted, _keys.Ring);
        var profileRecord = JsonNode.Parse(entries["metadata.json"])!["files"]!.AsArray().Single(f => (string?)f!["path"] == "data/user_profile.json.enc")!;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(entries["data/user_profile.json.enc"]));
        ((string?)profileRecord["sha256"]).Should().Be(sha256);
        ((string?)profileRecord["checksum_sha256"]).Should().Be(sha256, "the Python app's own checksum field must not go stale");
        var listed = Manager.ListAvailableBackups().Should().ContainSingle(b => b.Kind == BackupKind.Export).Subject;
        listed.Path.Should().Be(encrypted);
        listed.CreatedAt.Should().Be(ExportedAt, "the time comes from the encrypted archive's metadata");
        var verification = Manager.VerifyBackup(PythonName + ".enc");
        verification.Problems.Should().BeEmpty();
        verification.Kind.Should().Be(BackupKind.Export);
        verification.Warnings.Should().Equal(KeepsConfigWarning);

        Manager.RestoreFromBackup(PythonName + ".enc");

        Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        _context.FileSystem.File.ReadAllText(_context.PathOf("config.yaml")).Should().Be(CurrentConfig);
        _context.FileSystem.File.ReadAllBytes(_context.PathOf("resumes/resume_2025.pdf")).Should().Equal(PythonApp.ExportEntries()["resumes/resume_2025.pdf"]);
    }

    [Fact]
    public void EncryptExistingData_FreelyNamedExportInBackups_IsEncryptedAndStaysListed_ForeignFilesAreLeftAlone()
    {
        _context.WriteFile("backups/from-laptop.zip", PythonApp.ExportZip());
        _context.WriteFile("backups/holiday-photos.zip", "not a zip at all");
        Manager.ListAvailableBackups().Should().Contain(b => b.FileName == "from-laptop.zip");

        Manager.EncryptExistingData();

        _context.FileSystem.File.Exists(_context.PathOf("backups/from-laptop.zip")).Should().BeFalse("an export in backups/ is a backup: no plaintext copy stays");
        var listed = Manager.ListAvailableBackups().Should().ContainSingle(b => b.Kind == BackupKind.Export).Subject;
        listed.FileName.Should().Be("from-laptop.zip.enc");
        listed.CreatedAt.Should().Be(ExportedAt);
        EncryptedFiles.Entries(_context, listed.Path, _keys.Ring).Keys.Should().Contain("data/user_profile.json.enc").And.NotContain("data/user_profile.json");
        Manager.VerifyBackup(listed.Path).Problems.Should().BeEmpty();
        _context.FileSystem.File.ReadAllText(_context.PathOf("backups/holiday-photos.zip")).Should().Be("not a zip at all", "a file that is no backup is not ours to change");
        _context.Logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 97)
            .Which.Message.Should().Contain("/data/arf/backups/holiday-photos.zip").And.Contain("not encrypted");

        Manager.RestoreFromBackup(listed.Path);

        Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
    }

    [Fact]
    public void RotateEncryptionKey_EncryptedExportInBackups_IsReencryptedAndStaysReadable()
    {
        var export = Manager.ExportData(Manager.BackupsDirectory + "/keep-me.zip.enc");
        var oldKey = _keys.Ring.CurrentKey.Id;

        Manager.RotateEncryptionKey();

        var ring = _keys.Ring;
        ring.CurrentKey.Id.Should().NotBe(oldKey);
        ring.Keys.Should().ContainSingle("nothing uses the old key any more");
        EncryptedFiles.KeyIdOf(_context.FileSystem.File.ReadAllBytes(export)).Should().Be(ring.CurrentKey.Id);
        var profileEntry = EncryptedFiles.Entries(_context, export, ring)["data/user_profile.json.enc"];
        EncryptedFiles.KeyIdOf(profileEntry).Should().Be(ring.CurrentKey.Id);
        Manager.VerifyBackup(export).Problems.Should().BeEmpty();
        Manager.ListAvailableBackups().Should().Contain(b => b.Path == export && b.Kind == BackupKind.Export);
    }

    [Fact]
    public void RotateEncryptionKey_EncryptedPythonExportInBackups_IsReencryptedAndTheOldKeyDropped()
    {
        _context.WriteFile("backups/" + PythonName, PythonApp.ExportZip());
        Manager.EncryptExistingData();

        Manager.RotateEncryptionKey();

        var encrypted = _context.PathOf("backups/" + PythonName + ".enc");
        _keys.Ring.Keys.Should().ContainSingle();
        EncryptedFiles.KeyIdOf(_context.FileSystem.File.ReadAllBytes(encrypted)).Should().Be(_keys.Ring.CurrentKey.Id);
        Manager.VerifyBackup(encrypted).Problems.Should().BeEmpty();
    }

    [Fact]
    public void RotateEncryptionKey_UnreadableEncryptedFileInBackups_KeepsTheKeyItNames()
    {
        var damaged = Manager.ExportData(Manager.BackupsDirectory + "/damaged.zip.enc");
        var bytes = _context.FileSystem.File.ReadAllBytes(damaged);
        bytes[^3] ^= 1;
        _context.FileSystem.File.WriteAllBytes(damaged, bytes);
        var oldKey = _keys.Ring.CurrentKey.Id;
        Manager.ListAvailableBackups().Should().NotContain(b => b.Path == damaged, "its metadata cannot be read");

        Manager.RotateEncryptionKey();

        _keys.Ring.Keys.Select(k => k.Id).Should().Contain(oldKey, "a file that still names the key might be repaired; dropping the key would make that impossible");
        _context.FileSystem.File.ReadAllBytes(damaged).Should().Equal(bytes);
        _context.Logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 98)
            .Which.Message.Should().Contain(damaged).And.Contain(oldKey);
    }

    /// <summary>The Python app's export, encrypted whole under the current key, outside the data directory.</summary>
    private string EncryptedPythonExportOnAStick()
    {
        const string path = "/media/usb/python-export.zip.enc";
        _context.FileSystem.Directory.CreateDirectory("/media/usb");
        _context.FileSystem.File.WriteAllBytes(path, StreamFormatTests.StreamEncrypt(PythonApp.ExportZip(), 4096, key: _keys.Ring.CurrentKey));
        return path;
    }
}
