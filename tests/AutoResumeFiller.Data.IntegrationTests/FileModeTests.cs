using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Issue 3/4: on POSIX every folder the library makes is 0700 and every file 0600, checked on the real file system.</summary>
public sealed class FileModeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void InitializeSaveBackup_OnRealFileSystem_FoldersAre0700AndFiles0600()
    {
        SkipOnWindows();
        var root = _temp.Combine("data dir ü");
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var manager = Managers.Create(root);

        manager.InitializeDataDirectory();
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty("after initialization");

        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("one"));
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("two"));
        var backup = manager.BackupData("modes");
        manager.VerifyBackup(backup).Problems.Should().BeEmpty();

        manager.ListAvailableBackups().Should().HaveCount(3, "two auto backups (one before each save) and one manual");
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty("after saves and backups");
        File.GetUnixFileMode(root).Should().Be(DataDirectoryChecks.PrivateFolder, "a pre-existing 0755 data directory is tightened");
    }

    [Fact]
    public void RestoreFromBackup_RecreatedFoldersAndFiles_Are0700And0600()
    {
        SkipOnWindows();
        var root = _temp.Combine("restore");
        var manager = Managers.Initialized(root);
        Directory.CreateDirectory(Path.Combine(root, "resumes", "2024"), DataDirectoryChecks.PrivateFolder);
        File.WriteAllText(Path.Combine(root, "resumes", "2024", "cv.txt"), "curriculum vitae");
        File.SetUnixFileMode(Path.Combine(root, "resumes", "2024", "cv.txt"), DataDirectoryChecks.PrivateFile);
        var backup = manager.BackupData("full");
        Directory.Delete(Path.Combine(root, "resumes", "2024"), recursive: true);

        manager.RestoreFromBackup(backup);

        File.ReadAllText(Path.Combine(root, "resumes", "2024", "cv.txt")).Should().Be("curriculum vitae");
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();
    }

    [Fact]
    public void InitializeDataDirectory_LooseExistingModes_AreTightened()
    {
        SkipOnWindows();
        var root = _temp.Combine("loose");
        var manager = Managers.Initialized(root);
        const UnixFileMode loose = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(manager.ProfilePath, loose);
        File.SetUnixFileMode(Path.Combine(root, "data"), DataDirectoryChecks.PrivateFolder | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        manager.InitializeDataDirectory();

        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();
    }

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("POSIX file modes do not exist on Windows (the per-user ACL of %APPDATA% applies instead)");
        }
    }
}
