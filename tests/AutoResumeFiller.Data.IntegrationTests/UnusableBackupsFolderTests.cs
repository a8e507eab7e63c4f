using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>
/// Issue 15, AC4 on the real file system: a <c>backups</c> path that is a file, a dangling symbolic link, or a folder the
/// user may not write never blocks a save, load or update; the save goes on without its auto backup.
/// </summary>
public sealed class UnusableBackupsFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public UnusableBackupsFolderTests()
    {
        _root = _temp.Combine("data dir");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("file")]
    [InlineData("dangling link")]
    public void SaveLoadUpdateInit_BackupsIsNotAFolder_AllWorkWithoutBackupsAndLeaveItAlone(string kind)
    {
        var manager = Managers.Initialized(_root);
        var backups = Path.Combine(_root, "backups");
        var linkTarget = _temp.Combine("nowhere", "backups");
        Directory.Delete(backups, recursive: true);
        if (kind == "file")
        {
            File.WriteAllText(backups, "not a folder");
        }
        else
        {
            File.CreateSymbolicLink(backups, linkTarget);
        }

        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("saved"));
        var updated = manager.UpdateUserProfile(p => { p.Summary = "updated"; return p; });
        var loaded = Managers.Create(_root).LoadUserProfile();
        var initializing = Managers.Create(_root);
        initializing.InitializeDataDirectory();
        var problems = initializing.FolderProblems;

        updated.Summary.Should().Be("updated");
        loaded.Summary.Should().Be("updated");
        problems.Should().ContainSingle().Which.Path.Should().Be(backups);
        problems[0].Reason.Should().Be(kind == "file" ? "a file is in its place" : $"it is a symbolic link to '{linkTarget}', which is not a usable folder");
        manager.ListAvailableBackups().Should().BeEmpty();
        Directory.Exists(_temp.Combine("nowhere")).Should().BeFalse("nothing is created through the link");
        if (kind == "file")
        {
            File.ReadAllText(backups).Should().Be("not a folder");
        }
        else
        {
            new FileInfo(backups).LinkTarget.Should().Be(linkTarget);
        }

        DataDirectoryChecks.TempFiles(_root).Should().BeEmpty();
    }

    [Theory]
    [InlineData("save")]
    [InlineData("update")]
    [InlineData("load")]
    [InlineData("init")]
    public void Operation_AsAnotherUserWithARootOwnedBackupsFolder_Succeeds(string operation)
    {
        if (UnprivilegedHost.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        File.SetUnixFileMode(_temp.Path, (UnixFileMode)0b111_101_101);
        var manager = Managers.Initialized(_root);
        var backups = Path.Combine(_root, "backups");
        Tmpfs.Run("chown", "-R", "65534:65534", _root).ExitCode.Should().Be(0);
        Tmpfs.Run("chown", "0:0", backups).ExitCode.Should().Be(0);
        File.SetUnixFileMode(backups, (UnixFileMode)0b111_101_101); // readable, not writable, by uid 65534
        var profileBefore = File.ReadAllBytes(manager.ProfilePath);
        var backupsBefore = DataDirectoryChecks.Snapshot(backups);

        var lines = UnprivilegedHost.Run("access", _root, operation);

        lines.Should().Contain("RESULT OK");
        DataDirectoryChecks.Snapshot(backups).Should().Equal(backupsBefore, "the user may not write there; nothing was");
        var profileAfter = File.ReadAllBytes(manager.ProfilePath);
        if (operation is "save" or "update")
        {
            profileAfter.Should().NotEqual(profileBefore);
            Managers.Create(_root).LoadUserProfile().Summary.Should().Be(operation == "save" ? "from an unprivileged user" : "updated by an unprivileged user");
        }
        else
        {
            profileAfter.Should().Equal(profileBefore);
        }

        if (operation == "init")
        {
            lines.Should().Contain($"UNUSABLE {backups}");
        }
    }
}
