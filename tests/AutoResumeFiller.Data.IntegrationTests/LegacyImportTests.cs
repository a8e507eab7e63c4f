using AutoResumeFiller.Data.IntegrationTests.Support;
using AutoResumeFiller.Data.TestFixtures;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>The Python app's real files imported and exported on a real disk: modes, links, a full disk.</summary>
public sealed class LegacyImportTests : IDisposable
{
    private readonly TempDirectory _temp = new("arf-legacy");

    public void Dispose() => _temp.Dispose();

    private string InstallFixture(string name) => PythonAppFixture.CopyLegacyFolder(_temp.Combine(name));

    [Fact]
    public void ImportLegacyData_RealDisk_EverythingWrittenIsPrivateAndTheLegacyFolderUntouched()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("POSIX modes; the Windows ACL is covered by the data directory's own tests");
        }

        var legacy = InstallFixture("legacy");
        var before = DataDirectoryChecks.Snapshot(legacy);
        var modesBefore = Directory.EnumerateFileSystemEntries(legacy, "*", SearchOption.AllDirectories).ToDictionary(p => p, File.GetUnixFileMode);
        var manager = Managers.Create(_temp.Combine("data"));

        var result = manager.ImportLegacyData(legacy)!;

        result.FilesCopied.Should().HaveCount(3);
        DataDirectoryChecks.ModeViolations(manager.DataDirectory).Should().BeEmpty();
        File.GetUnixFileMode(Path.Combine(manager.DataDirectory, "data", "legacy_import.json")).Should().Be(DataDirectoryChecks.PrivateFile);
        DataDirectoryChecks.Snapshot(legacy).Should().Equal(before);
        Directory.EnumerateFileSystemEntries(legacy, "*", SearchOption.AllDirectories).ToDictionary(p => p, File.GetUnixFileMode).Should().Equal(modesBefore);
        DataDirectoryChecks.TempFiles(manager.DataDirectory).Should().BeEmpty();
    }

    [Fact]
    public void ImportLegacyData_LinksInTheLegacyFolderAndOurs_AreNeverFollowed()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("symbolic links need a privilege on Windows");
        }

        var legacy = InstallFixture("legacy");
        var secret = _temp.Combine("secret.txt");
        File.WriteAllText(secret, "not for the data directory");
        File.CreateSymbolicLink(Path.Combine(legacy, "resumes", "linked.pdf"), secret);
        var outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        var manager = Managers.Create(_temp.Combine("data"));
        manager.InitializeDataDirectory();
        Directory.Delete(Path.Combine(manager.DataDirectory, "cover_letters"));
        Directory.CreateSymbolicLink(Path.Combine(manager.DataDirectory, "cover_letters"), outside);

        var result = manager.ImportLegacyData(legacy)!;

        result.FilesCopied.Should().NotContain("resumes/linked.pdf");
        File.Exists(Path.Combine(manager.DataDirectory, "resumes", "linked.pdf")).Should().BeFalse();
        result.FilesKept.Should().Contain("cover_letters/acme_corp.txt");
        Directory.EnumerateFileSystemEntries(outside).Should().BeEmpty("nothing is written through a link out of the data directory");
    }

    [Fact]
    public void ExportData_RealDisk_IsPrivateAndVerifiesAfterACopy()
    {
        var manager = Managers.Create(_temp.Combine("data"));
        manager.ImportLegacyData(InstallFixture("legacy"));
        var target = Path.Combine(Directory.CreateDirectory(_temp.Combine("usb")).FullName, "export.zip");

        manager.ExportData(target);

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(target).Should().Be(DataDirectoryChecks.PrivateFile);
        }

        Directory.GetFiles(Path.GetDirectoryName(target)!).Should().Equal(target);
        var elsewhere = Managers.Create(_temp.Combine("new machine"));
        elsewhere.InitializeDataDirectory();
        elsewhere.RestoreFromBackup(target);
        elsewhere.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Amara");
        File.ReadAllText(Path.Combine(elsewhere.DataDirectory, "config.yaml")).Should().Contain("sk-live-example-0000", "our own export keeps the user's keys");
    }

    [Fact]
    public void ExportData_FullDisk_FailsCleanlyWithNoFileLeft()
    {
        if (Tmpfs.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        if (Tmpfs.TryMount(_temp, 256, out var mount) is { } failed)
        {
            Assert.Skip(failed);
        }

        try
        {
            var manager = Managers.Create(_temp.Combine("data"));
            manager.ImportLegacyData(InstallFixture("legacy"));
            File.WriteAllBytes(Path.Combine(manager.DataDirectory, "resumes", "big.pdf"), new byte[512 * 1024]);
            var target = Path.Combine(mount, "export.zip");

            var act = () => manager.ExportData(target);

            act.Should().Throw<InsufficientDiskSpaceException>();
            Directory.EnumerateFileSystemEntries(mount).Should().BeEmpty("no export and no temp file is left on the full disk");
        }
        finally
        {
            Tmpfs.Unmount(mount);
        }
    }
}
