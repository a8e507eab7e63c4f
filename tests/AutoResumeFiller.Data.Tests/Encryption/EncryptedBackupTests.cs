using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>Issue 19: manual, pre-restore and auto backups, verify, list and restore with encryption on.</summary>
public sealed class EncryptedBackupTests
{
    private readonly InMemoryKeyProvider _keys = new();
    private readonly ManagerTestContext _context;

    public EncryptedBackupTests()
    {
        _context = new ManagerTestContext(o => o.Encryption = _keys);
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        _context.WriteFile("config.yaml", "theme: dark\n");
        _context.WriteFile("resumes/cv.txt", "curriculum vitae");
    }

    private UserDataManager Manager => _context.Manager;

    [Fact]
    public void BackupData_Encrypted_WritesZipEncWithEncryptedProfileEntry_AndVerifies()
    {
        var path = Manager.BackupData("weekly");

        path.Should().EndWith(".zip.enc");
        var entries = EncryptedFiles.Entries(_context, path, _keys.Ring);
        entries.Keys.Should().BeEquivalentTo(["data/user_profile.json.enc", "config.yaml", "resumes/cv.txt", "metadata.json"]);
        entries["data/user_profile.json.enc"].Should().Equal(_context.ProfileBytes());
        var verification = Manager.VerifyBackup(path);
        verification.Problems.Should().BeEmpty();
        verification.Kind.Should().Be(BackupKind.Manual);
        Manager.ListAvailableBackups().Should().Contain(b => b.Path == path && b.Kind == BackupKind.Manual);
    }

    [Fact]
    public void RestoreFromBackup_Encrypted_RestoresProfileAndFiles_PreRestoreIsEncrypted()
    {
        var backup = Manager.BackupData("before");
        _context.Time.Advance(TimeSpan.FromMinutes(1));
        Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));
        _context.WriteFile("resumes/cv.txt", "changed");

        Manager.RestoreFromBackup(backup);

        Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Ada");
        _context.FileSystem.File.ReadAllText(_context.PathOf("resumes/cv.txt")).Should().Be("curriculum vitae");
        Manager.LastPreRestoreBackupPath.Should().EndWith(".zip.enc");
        Manager.VerifyBackup(Manager.LastPreRestoreBackupPath!).IsValid.Should().BeTrue();
        _context.FileSystem.AllFiles.Should().NotContain(f => f.EndsWith("/data/user_profile.json", StringComparison.Ordinal));
        _context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_AutoBackup_RestoresTheEncryptedProfile()
    {
        _context.Time.Advance(TimeSpan.FromMinutes(1));
        Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));
        var auto = Manager.ListAvailableBackups().First(b => b.Kind == BackupKind.Auto);

        Manager.RestoreFromBackup(auto.Path);

        Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Ada");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(-5)]
    public void VerifyBackup_TamperedArchive_IsInvalidWithAuthenticationFailed(int offsetFromStartOrEnd)
    {
        var path = Manager.BackupData("tamper");
        var bytes = _context.FileSystem.File.ReadAllBytes(path);
        bytes[offsetFromStartOrEnd >= 0 ? offsetFromStartOrEnd : bytes.Length + offsetFromStartOrEnd] ^= 0x04;
        _context.FileSystem.File.WriteAllBytes(path, bytes);

        var verification = Manager.VerifyBackup(path);

        verification.IsValid.Should().BeFalse();
        verification.Problems.Should().Contain("Authentication failed. File may be corrupted or tampered.");
    }

    [Fact]
    public void RestoreFromBackup_TamperedArchive_ThrowsDataDecryptionExceptionAndChangesNothing()
    {
        var path = Manager.BackupData("tamper");
        var bytes = _context.FileSystem.File.ReadAllBytes(path);
        bytes[^100] ^= 0x01;
        _context.FileSystem.File.WriteAllBytes(path, bytes);
        var before = _context.Snapshot();

        var act = () => Manager.RestoreFromBackup(path);

        act.Should().Throw<DataDecryptionException>().WithMessage("Authentication failed. File may be corrupted or tampered.");
        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void RestoreFromBackup_ProfileCopiedOverBackup_ThrowsAndChangesNothing()
    {
        var path = Manager.BackupData("swap");
        _context.FileSystem.File.Copy(_context.ProfilePath, path, overwrite: true);
        var before = _context.Snapshot();

        var act = () => Manager.RestoreFromBackup(path);

        act.Should().Throw<DataDecryptionException>().WithMessage("Authentication failed. File may be corrupted or tampered.");
        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void RestoreFromBackup_KeyNotInRing_ThrowsKeyNotFoundAndChangesNothing()
    {
        var path = Manager.BackupData("lost-key");
        _keys.Ring = EncryptionKeyRing.CreateNew(ManagerTestContext.Start);
        var before = _context.Snapshot();

        var act = () => Manager.RestoreFromBackup(path);

        act.Should().Throw<DataDecryptionException>().WithMessage("Encryption key not found. Cannot decrypt data.");
        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void RestoreFromBackup_PlaintextBackupIntoEncryptedDirectory_EncryptsTheProfileOnTheWay()
    {
        var plain = new ManagerTestContext();
        plain.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile("Plain"));
        var plainBackup = plain.Manager.BackupData("old");
        _context.FileSystem.Directory.CreateDirectory("/exports");
        _context.FileSystem.File.WriteAllBytes("/exports/old.zip", plain.FileSystem.File.ReadAllBytes(plainBackup));

        Manager.RestoreFromBackup("/exports/old.zip");

        Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Plain");
        _context.FileSystem.AllFiles.Where(f => f.StartsWith("/data/arf/", StringComparison.Ordinal))
            .Should().NotContain(f => f.EndsWith("/data/user_profile.json", StringComparison.Ordinal));
        _context.FileSystem.AllFiles.Where(f => f.StartsWith("/data/arf/", StringComparison.Ordinal) && f.EndsWith(".tmp", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void VerifyBackup_EncryptedBackupWithEncryptionOff_SaysKeyNotFound()
    {
        var path = Manager.BackupData("no-key");
        var plainManager = _context.NewManager();

        var verification = plainManager.VerifyBackup(path);

        verification.Problems.Should().ContainSingle().Which.Should().Be("Encryption key not found. Cannot decrypt data.");
    }

    [Fact]
    public void BackupsAndRestores_Encrypted_LeaveNoPlaintextProfileFieldOnDisk()
    {
        var backup = Manager.BackupData("scan");
        Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));
        Manager.RestoreFromBackup(backup);
        Manager.UpdateUserProfile(p => p);

        EncryptedFiles.PlaintextHits(_context).Should().BeEmpty();
    }
}
