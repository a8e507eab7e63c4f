using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>Issue 19: EncryptExistingData and RotateEncryptionKey, including interrupted runs.</summary>
public sealed class MigrationAndRotationTests
{
    private readonly InMemoryKeyProvider _keys = new();
    private readonly ManagerTestContext _plain = new();

    public MigrationAndRotationTests()
    {
        var manager = _plain.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        _plain.Time.Advance(TimeSpan.FromSeconds(2));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));
        manager.BackupData("weekly");
        _plain.WriteFile("resumes/cv.txt", "curriculum vitae");
    }

    private UserDataManager Encrypted() =>
        new(new UserDataManagerOptions { DataDirectory = ManagerTestContext.Root, Encryption = _keys }, _plain.FileSystem, null, _plain.Time);

    [Fact]
    public void EncryptExistingData_PlaintextDirectory_EncryptsProfileAndEveryBackup()
    {
        var backupsBefore = _plain.BackupFileNames();
        var manager = Encrypted();

        manager.EncryptExistingData();

        _plain.FileSystem.File.Exists("/data/arf/data/user_profile.json").Should().BeFalse();
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
        _plain.BackupFileNames().Should().Equal(backupsBefore.Select(n => n + ".enc"));
        foreach (var backup in manager.ListAvailableBackups())
        {
            manager.VerifyBackup(backup.Path).Problems.Should().BeEmpty(backup.FileName);
        }

        EncryptedFiles.PlaintextHits(_plain).Should().BeEmpty();
    }

    [Fact]
    public async Task BackupAndExport_KeyGivenBeforeEncryptExistingData_ArchiveThePlaintextProfileEncrypted()
    {
        // A key set (AUTORESUMEFILLER_KEY_FILE, say) before 'encrypt' ran: the profile is still the plaintext one, which
        // loads; backing it up must work too, not report a missing profile.
        var manager = Encrypted();

        _plain.FileSystem.Directory.CreateDirectory("/elsewhere");

        var backup = manager.BackupData("before-encrypt");
        var export = await manager.ExportDataAsync("/elsewhere/copy.zip.enc", null, TestContext.Current.CancellationToken);

        backup.Should().EndWith(".zip.enc");
        foreach (var archive in new[] { backup, export })
        {
            EncryptedFiles.KeyIdOf(_plain.FileSystem.File.ReadAllBytes(archive)).Should().Be(_keys.Ring.CurrentKey.Id, "the whole archive is encrypted");
            manager.VerifyBackup(archive).Problems.Should().BeEmpty(archive);
            var entries = EncryptedFiles.Entries(_plain, archive, _keys.Ring);
            entries.Should().ContainKey("data/user_profile.json", archive);
            System.Text.Encoding.UTF8.GetString(entries["data/user_profile.json"]).Should().Contain("\"Grace\"");
        }
    }

    [Fact]
    public void EncryptExistingData_Twice_SecondRunChangesNothing()
    {
        var manager = Encrypted();
        manager.EncryptExistingData();
        var after = _plain.Snapshot();

        manager.EncryptExistingData();

        _plain.Snapshot().Should().Equal(after);
    }

    [Fact]
    public void EncryptExistingData_PythonAppLegacyFiles_AreLeftAsTheyAreAndNamedInAWarning()
    {
        _plain.WriteFile("user_profile.json", "{\"personal_info\":{\"last_name\":\"Lovelace\"}}");
        _plain.WriteFile("backups/auto_backup_20240101_120000.json", "{}");
        var legacy = _plain.FileSystem.File.ReadAllBytes(_plain.PathOf("user_profile.json"));
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger<UserDataManager>();
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = ManagerTestContext.Root, Encryption = _keys }, _plain.FileSystem, logger, _plain.Time);

        manager.EncryptExistingData();

        _plain.FileSystem.File.ReadAllBytes(_plain.PathOf("user_profile.json")).Should().Equal(legacy);
        _plain.FileSystem.File.Exists(_plain.PathOf("backups/auto_backup_20240101_120000.json")).Should().BeTrue();
        var warnings = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 92).Select(r => r.Message).ToList();
        warnings.Should().HaveCount(2);
        warnings.Should().Contain(m => m.Contains("/data/arf/user_profile.json", StringComparison.Ordinal) && m.Contains("never changes or deletes", StringComparison.Ordinal));
        warnings.Should().Contain(m => m.Contains("auto_backup_20240101_120000.json", StringComparison.Ordinal));
    }

    [Fact]
    public void EncryptExistingData_EncryptionOff_ThrowsInvalidOperation()
    {
        var act = () => _plain.Manager.EncryptExistingData();

        act.Should().Throw<InvalidOperationException>().WithMessage("*UserDataManagerOptions.Encryption*");
    }

    [Fact]
    public void EncryptExistingData_InterruptedAtEachDelete_LeavesALoadableDirectory_AndARerunFinishes()
    {
        var deletes = 0;
        for (var failAt = 1; ; failAt++)
        {
            var context = Copy();
            deletes = 0;
            context.FileSystem.Fault = (op, path) => op == FaultOperation.Delete && ++deletes == failAt ? new IOException("killed") : null;
            var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = ManagerTestContext.Root, Encryption = _keys }, context.FileSystem, null, context.Time);
            var finished = false;
            try
            {
                manager.EncryptExistingData();
                finished = true;
            }
            catch (UserDataException)
            {
            }

            context.FileSystem.Fault = null;
            manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace", $"interrupted at delete {failAt}");
            manager.EncryptExistingData();
            EncryptedFiles.PlaintextHits(context).Should().BeEmpty();
            manager.ListAvailableBackups().Should().HaveCount(3).And.OnlyContain(b => b.FileName.EndsWith(".zip.enc", StringComparison.Ordinal));
            if (finished)
            {
                failAt.Should().BeGreaterThan(4, "the profile and three backups each lose their plaintext copy");
                return;
            }
        }
    }

    [Fact]
    public void RotateEncryptionKey_ReencryptsEveryFile_AndDropsTheOldKey()
    {
        var manager = Encrypted();
        manager.EncryptExistingData();
        var oldKey = _keys.Ring.CurrentKey.Id;

        manager.RotateEncryptionKey();

        var ring = _keys.Ring;
        ring.CurrentKey.Id.Should().NotBe(oldKey);
        ring.Keys.Should().ContainSingle();
        EncryptedFiles.KeyIdOf(_plain.FileSystem.File.ReadAllBytes(manager.ProfilePath)).Should().Be(ring.CurrentKey.Id);
        foreach (var backup in manager.ListAvailableBackups())
        {
            EncryptedFiles.KeyIdOf(_plain.FileSystem.File.ReadAllBytes(backup.Path)).Should().Be(ring.CurrentKey.Id);
            var profileEntry = EncryptedFiles.Entries(_plain, backup.Path, ring).Single(e => e.Key.EndsWith("user_profile.json.enc", StringComparison.Ordinal));
            EncryptedFiles.KeyIdOf(profileEntry.Value).Should().Be(ring.CurrentKey.Id, backup.FileName);
            manager.VerifyBackup(backup.Path).Problems.Should().BeEmpty();
        }

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
    }

    [Fact]
    public void RotateEncryptionKey_InterruptedAtEachReplace_KeepsEveryFileReadable_AndARerunFinishes()
    {
        var manager = Encrypted();
        manager.EncryptExistingData();
        var originalKey = _keys.Ring.CurrentKey.Id;
        var moves = 0;
        _plain.FileSystem.Fault = (op, _) => op == FaultOperation.Move && ++moves == 3 ? new IOException("killed") : null;

        var act = () => manager.RotateEncryptionKey();

        act.Should().Throw<UserDataException>();
        _plain.FileSystem.Fault = null;
        _keys.Ring.FindKey(originalKey).Should().NotBeNull("old keys stay until nothing uses them");
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
        manager.ListAvailableBackups().Should().OnlyContain(b => manager.VerifyBackup(b.Path).IsValid);

        manager.RotateEncryptionKey();

        _keys.Ring.Keys.Should().ContainSingle();
        manager.ListAvailableBackups().Should().OnlyContain(b => manager.VerifyBackup(b.Path).IsValid);
    }

    [Fact]
    public void RotateEncryptionKey_DamagedBackup_KeepsItsKeyAndRotatesTheRest()
    {
        var manager = Encrypted();
        manager.EncryptExistingData();
        var oldKey = _keys.Ring.CurrentKey.Id;
        var damaged = manager.ListAvailableBackups()[0].Path;
        var bytes = _plain.FileSystem.File.ReadAllBytes(damaged);
        bytes[^3] ^= 1;
        _plain.FileSystem.File.WriteAllBytes(damaged, bytes);

        manager.RotateEncryptionKey();

        _keys.Ring.Keys.Select(k => k.Id).Should().Contain(oldKey).And.HaveCount(2);
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
    }

    private ManagerTestContext Copy()
    {
        var copy = new ManagerTestContext();
        foreach (var file in _plain.FileSystem.AllFiles)
        {
            copy.FileSystem.Directory.CreateDirectory(copy.FileSystem.Path.GetDirectoryName(file)!);
            copy.FileSystem.File.WriteAllBytes(file, _plain.FileSystem.File.ReadAllBytes(file));
        }

        return copy;
    }
}
