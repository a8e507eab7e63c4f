using System.IO.Compression;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Issue 3/4: links planted in the data directory are never followed, written through, or backed up.</summary>
public sealed class SymlinkTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;
    private readonly string _outside;

    public SymlinkTests()
    {
        _root = _temp.Combine("data");
        _outside = _temp.Combine("outside");
        Directory.CreateDirectory(_outside);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("init")]
    [InlineData("save")]
    public void StaleTempNamedLinks_PointingOutside_AreRemovedAndTargetsUntouched(string operation)
    {
        SkipOnWindows();
        var manager = Managers.Initialized(_root);
        var target = Path.Combine(_outside, "victim.txt");
        File.WriteAllText(target, "outside content");
        var targetHash = DataDirectoryChecks.Sha256(target);
        var missingTarget = Path.Combine(_outside, "must-not-be-created.txt");
        var links = new[]
        {
            Path.Combine(_root, "data", ".user_profile.json.0123456789abcdef.tmp"),
            Path.Combine(_root, "data", ".user_profile.json.fedcba9876543210.tmp"),
            Path.Combine(_root, "backups", ".auto_backup_20260101_000000.zip.00112233445566aa.tmp"),
        };
        File.CreateSymbolicLink(links[0], target);
        File.CreateSymbolicLink(links[1], missingTarget);
        File.CreateSymbolicLink(links[2], target);

        // As the next start of the app finds them: a new manager's initialization, or its first save.
        var next = new UserDataManager(new UserDataManagerOptions { DataDirectory = _root });
        if (operation == "init")
        {
            next.InitializeDataDirectory();
        }
        else
        {
            next.SaveUserProfile(TestHost.SampleProfiles.Valid("after links"));
        }

        foreach (var link in links)
        {
            new FileInfo(link).Exists.Should().BeFalse($"the stale temp link {Path.GetFileName(link)} is removed");
            File.Exists(link).Should().BeFalse();
        }

        DataDirectoryChecks.Sha256(target).Should().Be(targetHash, "deleting a link never touches its target");
        File.Exists(missingTarget).Should().BeFalse("nothing is ever created through a dangling link");
        manager.LoadUserProfile().Summary.Should().Be(operation == "init" ? "start" : "after links");
    }

    [Theory]
    [InlineData(".user_profile.json.", "existing")]
    [InlineData(".user_profile.json.", "dangling")]
    [InlineData(".auto_backup_", "existing")]
    [InlineData(".auto_backup_", "dangling")]
    public void SaveUserProfile_LinkPlantedAtTheExactTempName_IsNeverWrittenThrough(string tempPrefix, string targetKind)
    {
        SkipOnWindows();
        var target = Path.Combine(_outside, targetKind == "existing" ? "victim.txt" : "created-through-link.txt");
        if (targetKind == "existing")
        {
            File.WriteAllText(target, "outside content");
        }

        var fileSystem = new PlantingFileSystem(
            path => Path.GetFileName(path).StartsWith(tempPrefix, StringComparison.Ordinal) && path.EndsWith(".tmp", StringComparison.Ordinal),
            path => File.CreateSymbolicLink(path, target));
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = _root, MinimumFreeDiskSpaceBytes = 0 }, fileSystem);
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("before"));
        var before = File.ReadAllBytes(manager.ProfilePath);
        var backupsBefore = manager.ListAvailableBackups().Count;
        fileSystem.Enabled = true;

        var act = () => manager.SaveUserProfile(TestHost.SampleProfiles.Valid("after"));

        if (tempPrefix == ".user_profile.json.")
        {
            act.Should().Throw<UserDataException>("the temp file could not be created exclusively, so the save refuses");
            File.ReadAllBytes(manager.ProfilePath).Should().Equal(before);
        }
        else
        {
            act.Should().NotThrow("a failed auto backup is logged and the save goes on");
            manager.LoadUserProfile().Summary.Should().Be("after");
            manager.ListAvailableBackups().Should().HaveCount(backupsBefore, "the auto backup could not be written");
        }

        fileSystem.Planted.Should().Be(1);
        if (targetKind == "existing")
        {
            File.ReadAllText(target).Should().Be("outside content", "CreateNew never opens through a link");
        }
        else
        {
            File.Exists(target).Should().BeFalse("CreateNew never creates a file through a dangling link");
        }

        Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Should().NotContain(p => new FileInfo(p).LinkTarget != null, "the planted link was removed with the failed temp file");
        DataDirectoryChecks.TempFiles(_root).Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_ProfileIsSymlinkToOutsideFile_ReplacesTheLinkNotTheTarget()
    {
        SkipOnWindows();
        var manager = Managers.Initialized(_root);
        var target = Path.Combine(_outside, "profile-elsewhere.json");
        File.Copy(manager.ProfilePath, target);
        var targetBytes = File.ReadAllBytes(target);
        File.Delete(manager.ProfilePath);
        File.CreateSymbolicLink(manager.ProfilePath, target);

        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("written here"));

        File.ReadAllBytes(target).Should().Equal(targetBytes, "the rename replaced the link; nothing was written through it");
        new FileInfo(manager.ProfilePath).LinkTarget.Should().BeNull("the profile is now a regular file");
        File.GetUnixFileMode(manager.ProfilePath).Should().Be(DataDirectoryChecks.PrivateFile);
        manager.LoadUserProfile().Summary.Should().Be("written here");
    }

    [Fact]
    public void InitializeDataDirectory_ProfileIsSymlinkToOutsideFile_DoesNotChangeTheTargetsMode()
    {
        SkipOnWindows();
        var manager = Managers.Initialized(_root);
        var target = Path.Combine(_outside, "shared-profile.json");
        File.Copy(manager.ProfilePath, target);
        const UnixFileMode shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(target, shared);
        File.Delete(manager.ProfilePath);
        File.CreateSymbolicLink(manager.ProfilePath, target);

        manager.InitializeDataDirectory();

        File.GetUnixFileMode(target).Should().Be(shared, "chmod must not follow a link out of the data directory");
    }

    [Fact]
    public void LockFile_DanglingSymlinkToOutside_IsRefusedAndNothingIsCreatedThere()
    {
        SkipOnWindows();
        var manager = Managers.Initialized(_root);
        var lockPath = Path.Combine(_root, "data", ".user_profile.lock");
        var target = Path.Combine(_outside, "created-by-lock");
        File.Delete(lockPath);
        File.CreateSymbolicLink(lockPath, target);

        var load = FluentActions.Invoking(() => manager.LoadUserProfile()).Should().ThrowExactly<UserDataException>().Which;
        FluentActions.Invoking(() => manager.SaveUserProfile(new UserProfile())).Should().ThrowExactly<UserDataException>();

        load.Message.Should().Contain("is a symbolic link");
        File.Exists(target).Should().BeFalse("opening the lock must not create the link's target outside the data directory");
    }

    [Fact]
    public void BackupData_LinksInResumes_AreNotFollowed()
    {
        SkipOnWindows();
        var manager = Managers.Initialized(_root);
        File.WriteAllText(Path.Combine(_outside, "secret.pdf"), "secret outside file");
        Directory.CreateDirectory(Path.Combine(_outside, "folder"));
        File.WriteAllText(Path.Combine(_outside, "folder", "deep-secret.txt"), "secret in an outside folder");
        File.WriteAllText(Path.Combine(_root, "resumes", "real.txt"), "my resume");
        File.CreateSymbolicLink(Path.Combine(_root, "resumes", "linked.pdf"), Path.Combine(_outside, "secret.pdf"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "resumes", "linked-folder"), Path.Combine(_outside, "folder"));
        Directory.Delete(Path.Combine(_root, "cover_letters"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "cover_letters"), Path.Combine(_outside, "folder"));

        var backup = manager.BackupData("links");

        using var zip = ZipFile.OpenRead(backup);
        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo(["data/user_profile.json", "resumes/real.txt", "metadata.json"]);
        manager.VerifyBackup(backup).IsValid.Should().BeTrue();
    }

    [Fact]
    public void RestoreFromBackup_ResumesFolderIsLinkOutside_RefusesAndWritesNothingOutside()
    {
        SkipOnWindows();
        var manager = Managers.Initialized(_root);
        File.WriteAllText(Path.Combine(_root, "resumes", "cv.txt"), "resume");
        var backup = manager.BackupData("full");
        Directory.Delete(Path.Combine(_root, "resumes"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(_root, "resumes"), _outside);
        var before = DataDirectoryChecks.Snapshot(_outside);

        var act = () => manager.RestoreFromBackup(backup);

        act.Should().Throw<UserDataException>().WithMessage("*symbolic link*");
        DataDirectoryChecks.Snapshot(_outside).Should().Equal(before);
    }

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("symbolic links need privileges on Windows; these checks run on Linux and macOS");
        }
    }
}
