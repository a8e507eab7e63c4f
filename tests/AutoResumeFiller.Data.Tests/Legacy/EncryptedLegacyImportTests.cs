using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Legacy;

/// <summary>A legacy import with encryption on: the backups become <c>.zip.enc</c> archives, and a rerun still recognises them.</summary>
public class EncryptedLegacyImportTests
{
    private const string Legacy = "/mnt/old-laptop/AutoResumeFiller";

    [Fact]
    public void ImportLegacyData_EncryptedAndKilledAfterAnArchiveIsWritten_RerunFindsItInsteadOfWritingItTwice()
    {
        var context = new ManagerTestContext(o => o.Encryption = new InMemoryKeyProvider());
        PythonApp.Install(context.FileSystem, Legacy);
        context.FileSystem.Fault = LegacyImportFaults.NthLedgerWrite(6);
        var act = () => context.Manager.ImportLegacyData(Legacy);
        act.Should().Throw<UserDataException>();
        context.FileSystem.Fault = null;
        context.BackupFileNames().Should().Equal(["auto_backup_20261203_055841.zip.enc"], "the first backup's archive was written, its record was not");

        var rerun = context.Manager.ImportLegacyData(Legacy)!;

        rerun.BackupsImported.Should().Equal("auto_backup_20261203_075842.json");
        rerun.BackupsAlreadyImported.Should().Be(1, "the encrypted archive on disk was decrypted and recognised by its checksum");
        context.BackupFileNames().Should().Equal("auto_backup_20261203_055841.zip.enc", "auto_backup_20261203_055842.zip.enc");
        context.Manager.ListAvailableBackups().Should().OnlyContain(b => context.Manager.VerifyBackup(b.Path).IsValid);
    }

    [Fact]
    public void ImportLegacyData_ArchiveOfThatSecondIsDamaged_IsNotTakenForTheImport()
    {
        var context = new ManagerTestContext(o => o.Encryption = new InMemoryKeyProvider());
        PythonApp.Install(context.FileSystem, Legacy);
        context.WriteFile("backups/auto_backup_20261203_055841.zip.enc", "not an archive"u8.ToArray());

        var result = context.Manager.ImportLegacyData(Legacy)!;

        result.BackupsImported.Should().HaveCount(2);
        context.BackupFileNames().Should().Equal(
            "auto_backup_20261203_055841.zip.enc", "auto_backup_20261203_055841_2.zip.enc", "auto_backup_20261203_055842.zip.enc");
        context.Manager.VerifyBackup(context.PathOf("backups/auto_backup_20261203_055841_2.zip.enc")).IsValid.Should().BeTrue();
    }
}
