using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>Issue 19: the profile through the pipeline with encryption on (DESIGN §10).</summary>
public sealed class EncryptedProfileTests
{
    private readonly InMemoryKeyProvider _keys = new();
    private readonly ManagerTestContext _context;

    public EncryptedProfileTests()
    {
        _context = new ManagerTestContext(o => o.Encryption = _keys);
    }

    [Fact]
    public void InitializeDataDirectory_Encrypted_WritesEncryptedEmptyProfileOnly()
    {
        var manager = _context.Initialized();

        manager.ProfilePath.Should().Be("/data/arf/data/user_profile.json.enc");
        var stored = _context.ProfileBytes();
        EncryptedFiles.KeyIdOf(stored).Should().Be(_keys.Ring.CurrentKey.Id);
        Encoding.UTF8.GetString(stored).Should().NotContain("personal_info");
        _context.FileSystem.File.Exists("/data/arf/data/user_profile.json").Should().BeFalse();
        manager.LoadUserProfile().PersonalInfo.Should().BeNull();
    }

    [Fact]
    public async Task SaveThenLoad_Encrypted_RoundTripsAndLeavesNoPlaintextAnywhere()
    {
        var manager = _context.Initialized();

        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        await manager.SaveUserProfileAsync(ManagerTestContext.ValidProfile("Grace"), TestContext.Current.CancellationToken);
        manager.UpdateUserProfile(p => { p.Skills.Add("Poetry"); return p; });

        var loaded = await manager.LoadUserProfileAsync(TestContext.Current.CancellationToken);
        loaded.PersonalInfo!.FirstName.Should().Be("Grace");
        loaded.Skills.Should().Contain("Poetry");
        manager.LoadUserProfile().Skills.Should().Equal(loaded.Skills);
        EncryptedFiles.PlaintextHits(_context).Should().BeEmpty();
        _context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void Save_EncryptedLargeProfileThenSmallOne_EachLoadsBackAsSaved()
    {
        // Sealed from the pooled serialization buffer: only its written part may be encrypted, however large it grew.
        var manager = _context.Initialized();
        var large = ManagerTestContext.ValidProfile();
        large.Skills = [.. Enumerable.Range(0, 20_000).Select(i => $"Skill {i}")];

        manager.SaveUserProfile(large);
        manager.LoadUserProfile().Skills.Should().Equal(large.Skills);
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));

        var loaded = manager.LoadUserProfile();
        loaded.PersonalInfo!.FirstName.Should().Be("Grace");
        loaded.Skills.Should().Equal(ManagerTestContext.ValidProfile().Skills);
        EncryptedFiles.PlaintextHits(_context).Should().BeEmpty();
    }

    [Fact]
    public void Save_AutoBackup_IsZipEncHoldingThePreviousEncryptedProfileAsItWas()
    {
        var manager = _context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        var before = _context.ProfileBytes();
        _context.Time.Advance(TimeSpan.FromSeconds(5));

        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));

        var newest = manager.ListAvailableBackups()[0];
        newest.FileName.Should().EndWith(".zip.enc");
        newest.Kind.Should().Be(BackupKind.Auto);
        var entries = EncryptedFiles.Entries(_context, newest.Path, _keys.Ring);
        entries.Keys.Should().BeEquivalentTo(["user_profile.json.enc", "metadata.json"]);
        entries["user_profile.json.enc"].Should().Equal(before, "the auto backup never decrypts the profile");
        manager.VerifyBackup(newest.Path).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Load_TamperedProfile_ThrowsAuthenticationFailedAndChangesNothing()
    {
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        var stored = _context.ProfileBytes();
        stored[^20] ^= 0x10;
        _context.FileSystem.File.WriteAllBytes(_context.ProfilePath, stored);
        var before = _context.Snapshot();

        var act = () => _context.Manager.LoadUserProfile();

        act.Should().Throw<DataDecryptionException>().WithMessage("Authentication failed. File may be corrupted or tampered.")
            .Which.Suggestion.Should().Contain("Restore a backup");
        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void Load_KeyNotInRing_ThrowsKeyNotFoundAndChangesNothing()
    {
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        _keys.Ring = EncryptionKeyRing.CreateNew(ManagerTestContext.Start);
        var before = _context.Snapshot();

        var act = () => _context.Manager.LoadUserProfile();

        act.Should().Throw<DataDecryptionException>().WithMessage("Encryption key not found. Cannot decrypt data.");
        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void Load_BackupCopiedOverProfile_ThrowsAuthenticationFailed()
    {
        var manager = _context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        var backup = manager.BackupData("swap");
        _context.FileSystem.File.Copy(backup, _context.ProfilePath, overwrite: true);

        var act = () => manager.LoadUserProfile();

        act.Should().Throw<DataDecryptionException>().WithMessage("Authentication failed. File may be corrupted or tampered.");
    }

    [Fact]
    public void Load_PlaintextJsonPutInPlaceOfEncryptedProfile_IsRefused()
    {
        var manager = _context.Initialized();
        _context.FileSystem.File.WriteAllBytes(_context.ProfilePath, UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile("Mallory")));

        var act = () => manager.LoadUserProfile();

        act.Should().Throw<DataDecryptionException>().WithMessage("Authentication failed. File may be corrupted or tampered.");
    }

    [Fact]
    public void Save_TamperedProfileOnDisk_SavesWithoutDecryptingIt()
    {
        var manager = _context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        var stored = _context.ProfileBytes();
        stored[^1] ^= 1;
        _context.FileSystem.File.WriteAllBytes(_context.ProfilePath, stored);

        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
    }

    [Fact]
    public void Load_NotMigratedPlaintextProfile_LoadsIt_AndTheNextSaveEncryptsAndRemovesIt()
    {
        var plain = new ManagerTestContext();
        plain.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = ManagerTestContext.Root, Encryption = _keys }, plain.FileSystem);

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Ada");
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));

        plain.FileSystem.File.Exists("/data/arf/data/user_profile.json").Should().BeFalse();
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
    }

    [Fact]
    public void WithoutEncryption_EncryptedDirectory_InitializeAddsNoEmptyProfile_AndLoadSaysKeyNotFound()
    {
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        var plainManager = _context.NewManager();

        plainManager.InitializeDataDirectory();
        var act = () => plainManager.LoadUserProfile();

        _context.FileSystem.File.Exists("/data/arf/data/user_profile.json").Should().BeFalse();
        act.Should().Throw<DataDecryptionException>().WithMessage("Encryption key not found. Cannot decrypt data.")
            .Which.KeyId.Should().Be(_keys.Ring.CurrentKey.Id);
    }

    [Fact]
    public void Constructor_KeyFileInsideDataDirectory_ThrowsArgumentException()
    {
        var act = () => new UserDataManager(new UserDataManagerOptions
        {
            DataDirectory = "/tmp/arf-data",
            Encryption = EncryptionKeyProviders.KeyFile("/tmp/arf-data/keys/ring.json"),
        });

        act.Should().Throw<ArgumentException>().WithMessage("*inside the data directory*");
    }

    [Fact]
    public void Constructor_KeyFileNextToDataDirectory_IsAccepted()
    {
        var act = () => new UserDataManager(new UserDataManagerOptions
        {
            DataDirectory = "/tmp/arf-data",
            Encryption = EncryptionKeyProviders.KeyFile("/tmp/arf-data-keys/ring.json"),
        });

        act.Should().NotThrow();
    }
}
