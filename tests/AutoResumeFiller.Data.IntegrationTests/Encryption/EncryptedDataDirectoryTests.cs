using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests.Encryption;

/// <summary>Issue 19 on the real file system: no plaintext profile field anywhere, private modes, the key file kept apart.</summary>
public sealed class EncryptedDataDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new("arf-enc");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PlaintextScan_PlaintextDirectory_FindsTheProfileAndItsBackups()
    {
        var root = _temp.Combine("plain");
        var manager = Managers.Initialized(root);
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("second"));
        manager.BackupData("deflated");

        var hits = PlaintextScan.Hits(root);

        hits.Should().Contain(Path.Combine(root, "data", "user_profile.json"));
        hits.Should().Contain(h => h.EndsWith(".zip", StringComparison.Ordinal) && h.Contains("deflated_", StringComparison.Ordinal), "the scan looks inside deflated archives");
    }

    [Fact]
    public void SavesBackupsRestoresAndMigration_WithKeyFile_LeaveNoPlaintextAndPrivateModes()
    {
        var root = _temp.Combine("data");
        var plain = Managers.Initialized(root);
        plain.SaveUserProfile(TestHost.SampleProfiles.Valid("plain"));
        var plainBackup = plain.BackupData("before-encryption");
        var keyFile = _temp.Combine("keys", "ring.json");
        var manager = Managers.Create(root, o => o.Encryption = EncryptionKeyProviders.KeyFile(keyFile));

        manager.EncryptExistingData();
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("encrypted"));
        var backup = manager.BackupData("after");
        manager.RestoreFromBackup(plainBackup + ".enc");
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("again"));
        manager.RestoreFromBackup(backup);
        manager.RotateEncryptionKey();

        manager.LoadUserProfile().Summary.Should().Be("encrypted");
        PlaintextScan.Hits(root).Should().BeEmpty();
        Directory.GetFiles(Path.Combine(root, "backups")).Should().OnlyContain(f => f.EndsWith(".zip.enc", StringComparison.Ordinal));
        manager.ListAvailableBackups().Should().OnlyContain(b => manager.VerifyBackup(b.Path).IsValid);
        if (!OperatingSystem.IsWindows())
        {
            DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();
            File.GetUnixFileMode(keyFile).Should().Be(DataDirectoryChecks.PrivateFile);
        }
    }

    [Fact]
    public void CopiedDataDirectory_WithoutTheKeyFile_CannotBeRead()
    {
        var root = _temp.Combine("data");
        var manager = Managers.Create(root, o => o.Encryption = EncryptionKeyProviders.KeyFile(_temp.Combine("keys", "ring.json")));
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid());
        var thief = Managers.Create(_temp.Combine("data"), o => o.Encryption = EncryptionKeyProviders.KeyFile(_temp.Combine("thief", "ring.json")));

        var act = () => thief.LoadUserProfile();

        act.Should().Throw<DataDecryptionException>().WithMessage("Encryption key not found. Cannot decrypt data.")
            .Which.Suggestion.Should().Contain($"The key file '{_temp.Combine("thief", "ring.json")}' does not exist");
        Directory.Exists(_temp.Combine("thief")).Should().BeFalse("a load never creates a key file, nor its folder");
    }
}
