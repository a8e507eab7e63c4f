using System.Security.Cryptography;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>ListAvailableBackups reads the metadata of encrypted exports in backups/ without trusting or failing on anything else there.</summary>
public sealed class EncryptedBackupListingTests
{
    private readonly InMemoryKeyProvider _keys = new();
    private readonly ManagerTestContext _context;

    public EncryptedBackupListingTests()
    {
        _context = new ManagerTestContext(o => o.Encryption = _keys);
        _context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
    }

    private UserDataManager Manager => _context.Manager;

    [Fact]
    public void ListAvailableBackups_EncryptedExportDamagedAwayFromItsMetadata_IsListed_VerifyReportsTheDamage()
    {
        // Several segments of incompressible content: the damage lies in a segment the listing never reads.
        _context.WriteFile("resumes/scan.pdf", RandomNumberGenerator.GetBytes(3 * SegmentCipher.SegmentSize));
        var export = Manager.ExportData(Manager.BackupsDirectory + "/big.zip.enc");
        var bytes = _context.FileSystem.File.ReadAllBytes(export);
        bytes[StreamHeader.Size + SegmentCipher.SealedSegmentSize + 100] ^= 1;
        _context.FileSystem.File.WriteAllBytes(export, bytes);

        Manager.ListAvailableBackups().Should().ContainSingle(b => b.Path == export).Which.Kind.Should().Be(BackupKind.Export);
        Manager.VerifyBackup(export).Problems.Should().Equal(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void ListAvailableBackups_EncryptedFilesThatAreNoArchives_AreLeftOutWithoutThrowing()
    {
        _context.WriteFile("backups/garbage.zip.enc", "not encrypted at all");
        _context.WriteFile("backups/tiny.zip.enc", StreamFormatTests.StreamEncrypt([1, 2, 3, 4, 5], 5, key: _keys.Ring.CurrentKey));
        _context.WriteFile("backups/not-a-zip.zip.enc", StreamFormatTests.StreamEncrypt(RandomNumberGenerator.GetBytes(5000), 1000, key: _keys.Ring.CurrentKey));
        _context.WriteFile("backups/other-key.zip.enc", StreamFormatTests.StreamEncrypt(PythonApp.ExportZip(), 4096, key: EncryptionKeyRing.CreateNew(ManagerTestContext.Start).CurrentKey));

        Manager.ListAvailableBackups().Should().OnlyContain(b => b.Kind == BackupKind.Auto);
    }

    [Fact]
    public void ListAvailableBackups_EncryptedExportWithEncryptionOff_IsLeftOut()
    {
        var export = Manager.ExportData(Manager.BackupsDirectory + "/mine.zip.enc");

        _context.NewManager().ListAvailableBackups().Should().NotContain(b => b.Path == export, "without the key its metadata cannot be read");
        Manager.ListAvailableBackups().Should().Contain(b => b.Path == export);
    }
}
