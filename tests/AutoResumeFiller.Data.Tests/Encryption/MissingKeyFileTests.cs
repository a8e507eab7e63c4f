using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>
/// DESIGN §10 with the key file gone (moved, not yet copied back, a wrong path): nothing that only reads creates one,
/// and nothing creates one while the data directory holds encrypted files, whose key it would hide. Each failure is the
/// typed <see cref="DataDecryptionException"/> naming where the key file was expected, and leaves the disk as it was.
/// </summary>
public sealed class MissingKeyFileTests
{
    private const string KeyPath = "/home/user/.config/arf/ring.json";
    private const string ProfilePath = "/data/arf/data/user_profile.json.enc";
    private readonly ManagerTestContext _context = new();
    private readonly string _lostKeyId;
    private readonly byte[] _keyFile;
    private readonly string _backup;

    public MissingKeyFileTests()
    {
        var manager = Manager();
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        _backup = manager.BackupData("weekly");
        _keyFile = _context.FileSystem.File.ReadAllBytes(KeyPath);
        _lostKeyId = EncryptedFiles.KeyIdOf(_context.FileSystem.File.ReadAllBytes(ProfilePath));
        _context.FileSystem.File.Delete(KeyPath);
    }

    public static TheoryData<string> ReadOnlyOperations => ["load", "load-async", "update", "restore", "export"];

    public static TheoryData<string> FirstEncryptedWrites => ["save", "backup", "rotate", "encrypt-existing"];

    [Theory]
    [MemberData(nameof(ReadOnlyOperations))]
    public async Task ReadingEncryptedData_KeyFileMissing_ThrowsKeyNotFoundNamingTheKeyFile_AndChangesNothing(string operation)
    {
        var before = _context.Snapshot();

        var act = () => Run(Manager(), operation);

        var thrown = (await act.Should().ThrowAsync<DataDecryptionException>()).Which;
        thrown.Message.Should().Be(DataDecryptionException.KeyNotFoundMessage);
        thrown.Suggestion.Should().Contain($"The key file '{KeyPath}' does not exist").And.Contain("copy of the key file");
        thrown.KeyId.Should().Be(_lostKeyId);
        _context.Snapshot().Should().Equal(before, "no key file, folder or temp file is created");
    }

    [Theory]
    [MemberData(nameof(FirstEncryptedWrites))]
    public async Task WritingBesideEncryptedData_KeyFileMissing_RefusesToCreateANewKey_AndChangesNothing(string operation)
    {
        _context.FileSystem.Directory.Delete("/home/user/.config/arf");
        if (operation == "encrypt-existing")
        {
            AddPlaintextBackup();
        }

        var before = _context.Snapshot();

        var act = () => Run(Manager(), operation);

        var thrown = (await act.Should().ThrowAsync<DataDecryptionException>()).Which;
        thrown.Message.Should().Be(DataDecryptionException.KeyNotFoundMessage);
        thrown.Suggestion.Should().Contain($"The key file '{KeyPath}' does not exist");
        thrown.KeyId.Should().Be(_lostKeyId);
        _context.Snapshot().Where(e => !e.Key.StartsWith(ManagerTestContext.Root, StringComparison.Ordinal))
            .Should().Equal(before.Where(e => !e.Key.StartsWith(ManagerTestContext.Root, StringComparison.Ordinal)), "no key file or key folder is created");
        _context.FileSystem.AllFiles.Should().NotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
        ProfileAndBackupsBytes().Should().Equal(ProfileAndBackupsBytes(before));
    }

    [Fact]
    public void SaveUserProfile_OnlyAnEncryptedBackupLeft_RefusesToCreateANewKey()
    {
        _context.FileSystem.File.Delete(ProfilePath);

        var act = () => Manager().SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));

        act.Should().Throw<DataDecryptionException>().Which.FilePath.Should().StartWith("/data/arf/backups/").And.EndWith(".zip.enc");
        _context.FileSystem.File.Exists(KeyPath).Should().BeFalse();
        _context.FileSystem.File.Exists(ProfilePath).Should().BeFalse();
    }

    [Fact]
    public void VerifyBackup_KeyFileMissing_ReportsTheMissingKeyFile_AndCreatesNone()
    {
        var before = _context.Snapshot();

        var verification = Manager().VerifyBackup(_backup);

        verification.IsValid.Should().BeFalse();
        verification.Problems.Should().ContainSingle().Which.Should()
            .Be($"{DataDecryptionException.KeyNotFoundMessage} The key file '{KeyPath}' does not exist.");
        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void ListAvailableBackupsAndWatch_KeyFileMissing_CreateNoKeyFile()
    {
        var before = _context.Snapshot();
        var manager = Manager();

        manager.ListAvailableBackups().Select(b => b.Path).Should().Contain(_backup);
        manager.WatchProfile(_ => { }).Dispose();

        _context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void LoadUserProfile_KeyFileCopiedBackAfterAFailedLoad_LoadsTheData()
    {
        var manager = Manager();
        FluentActions.Invoking(manager.LoadUserProfile).Should().Throw<DataDecryptionException>();

        _context.FileSystem.File.WriteAllBytes(KeyPath, _keyFile);

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Ada");
        manager.VerifyBackup(_backup).IsValid.Should().BeTrue();
    }

    [Fact]
    public void LoadUserProfile_PlaintextProfileNotYetEncrypted_LoadsWithoutCreatingAKeyFile()
    {
        var plain = new ManagerTestContext();
        plain.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        var before = plain.Snapshot();
        var manager = plain.NewManager(o => o.Encryption = KeyFile(plain));

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Ada");
        manager.VerifyBackup(manager.ListAvailableBackups()[0].Path).IsValid.Should().BeTrue();

        plain.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void InitializeDataDirectory_NewDirectory_CreatesTheKeyFileAndEncryptsUnderIt()
    {
        var fresh = new ManagerTestContext();
        var manager = fresh.NewManager(o => o.Encryption = KeyFile(fresh));

        manager.InitializeDataDirectory();

        fresh.FileSystem.File.Exists(KeyPath).Should().BeTrue();
        EncryptedFiles.KeyIdOf(fresh.FileSystem.File.ReadAllBytes(manager.ProfilePath)).Should().Be(KeyFile(fresh).GetKeyRing().CurrentKey.Id);
    }

    [Fact]
    public void InitializeDataDirectory_EncryptedProfileWithoutKeyFile_CreatesNoKeyFileAndNoEmptyProfile()
    {
        var profile = _context.FileSystem.File.ReadAllBytes(ProfilePath);

        Manager().InitializeDataDirectory();

        _context.FileSystem.File.Exists(KeyPath).Should().BeFalse();
        _context.FileSystem.File.ReadAllBytes(ProfilePath).Should().Equal(profile);
        _context.FileSystem.File.Exists("/data/arf/data/user_profile.json").Should().BeFalse();
    }

    [Fact]
    public void SaveUserProfile_PlaintextDirectory_CreatesTheKeyFileAndEncrypts()
    {
        var plain = new ManagerTestContext();
        plain.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        var manager = plain.NewManager(o => o.Encryption = KeyFile(plain));

        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace"));

        plain.FileSystem.File.Exists(KeyPath).Should().BeTrue();
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
        plain.FileSystem.File.Exists("/data/arf/data/user_profile.json").Should().BeFalse();
    }

    private static KeyRingFileProvider KeyFile(ManagerTestContext context) => new(KeyPath, null, context.FileSystem, context.Time, context.Platform);

    private UserDataManager Manager() => _context.NewManager(o => o.Encryption = KeyFile(_context));

    private IEnumerable<KeyValuePair<string, string>> ProfileAndBackupsBytes(IReadOnlyDictionary<string, string>? snapshot = null) =>
        (snapshot ?? _context.Snapshot()).Where(e => e.Key == ProfilePath || e.Key.StartsWith(_context.Manager.BackupsDirectory + "/", StringComparison.Ordinal));

    private Task Run(UserDataManager manager, string operation)
    {
        switch (operation)
        {
            case "load": manager.LoadUserProfile(); break;
            case "load-async": return manager.LoadUserProfileAsync(TestContext.Current.CancellationToken);
            case "update": manager.UpdateUserProfile(p => p); break;
            case "restore": manager.RestoreFromBackup(_backup); break;
            case "export": manager.ExportData("/home/user/export.zip.enc"); break;
            case "save": manager.SaveUserProfile(ManagerTestContext.ValidProfile("Grace")); break;
            case "backup": manager.BackupData("another"); break;
            case "rotate": manager.RotateEncryptionKey(); break;
            case "encrypt-existing": manager.EncryptExistingData(); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
        }

        return Task.CompletedTask;
    }

    /// <summary>A plaintext backup beside the encrypted data: the migration has something to encrypt.</summary>
    private void AddPlaintextBackup() => _context.WriteFile("backups/manual_20240101_120000.zip", "not even a zip");
}
