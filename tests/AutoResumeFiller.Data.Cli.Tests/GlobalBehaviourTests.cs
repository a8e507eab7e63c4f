using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests;

public sealed class GlobalBehaviourTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Theory]
    [InlineData("init")]
    [InlineData("show")]
    [InlineData("validate")]
    [InlineData("import")]
    [InlineData("backup")]
    [InlineData("backups")]
    [InlineData("verify")]
    [InlineData("restore")]
    [InlineData("demo")]
    public void Help_EveryCommand_PrintsUsageAndExitsZero(string command)
    {
        var result = _arf.RunRaw([command, "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Usage:").And.Contain($"arf-data {command}").And.Contain("--data-dir <DIR>").And.Contain("--lock-timeout <SECONDS>");
        Directory.Exists(_arf.EnvDataDir).Should().BeFalse("--help touches no data");
    }

    [Fact]
    public void Help_Root_ListsEveryCommand()
    {
        var result = _arf.RunRaw(["--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        foreach (var command in new[] { "init", "show", "validate", "import", "backup", "backups", "verify", "restore", "demo" })
        {
            result.StdOut.Should().MatchRegex($@"\n  {command}\b");
        }
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("show", "--bogus")]
    [InlineData("--lock-timeout", "soon", "show")]
    [InlineData("--lock-timeout", "-1", "show")]
    [InlineData("backups", "extra-argument")]
    public void Parse_BadArguments_ExitsWithUsageError(params string[] args)
    {
        var result = _arf.RunRaw(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().NotBeEmpty();
        Directory.Exists(_arf.EnvDataDir).Should().BeFalse("a usage error touches no data");
    }

    [Fact]
    public void DataDir_AfterTheCommand_IsAccepted()
    {
        var result = _arf.RunRaw(["init", "--data-dir", _arf.DataDir]);

        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(_arf.ProfilePath).Should().BeTrue();
    }

    [Fact]
    public void Parse_NoCommand_ExitsWithUsageError()
    {
        var result = _arf.RunRaw([]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("Required command was not provided.");
    }

    [Fact]
    public void LockHeldByAnotherProcess_ShowExitsWithLockTimeout()
    {
        _arf.InitWithSample();
        using var held = new FileStream(_arf.LockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var result = _arf.Run("--lock-timeout", "0.2", "show");

        result.ExitCode.Should().Be(4, result.ToString());
        result.StdErr.Should().StartWith("error: Timed out after ")
            .And.Contain($"waiting for the shared lock on '{_arf.LockPath}'")
            .And.Contain("hint: Another program is using the data").And.Contain("--lock-timeout SECONDS").And.NotContain("LockTimeout");
        result.StdOut.Should().BeEmpty();
    }

    [Fact]
    public void LockHeldByAnotherProcess_ImportExitsWithLockTimeoutAndChangesNothing()
    {
        _arf.InitWithSample();
        var before = File.ReadAllBytes(_arf.ProfilePath);
        var file = _arf.WriteFile("ada.json", Profiles.AdaJson);
        using (new FileStream(_arf.LockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var result = _arf.Run("--lock-timeout", "0.2", "import", file);

            result.ExitCode.Should().Be(4, result.ToString());
            result.StdErr.Should().Contain("waiting for the exclusive lock");
        }

        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(before);
    }

    /// <summary>A real 2 MB tmpfs under the test's folder (unmounted by the test), or the test is skipped with the reason.</summary>
    private string MountSmallDiskOrSkip()
    {
        if (Privileges.RootOnLinuxUnavailableReason("a real full disk") is { } reason)
        {
            Assert.Skip(reason);
        }

        var mountPoint = Path.Combine(_arf.Root, "small disk");
        Directory.CreateDirectory(mountPoint);
        var (mountCode, mountOutput) = Privileges.Run(_arf, "mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint);
        if (mountCode != 0)
        {
            Assert.Skip($"mount -t tmpfs failed ({mountCode}): {mountOutput.Trim()}");
        }

        return mountPoint;
    }

    private string InitializedOn(string mountPoint)
    {
        var dataDir = Path.Combine(mountPoint, "arf");
        _arf.RunRaw(["--data-dir", dataDir, "init"]).ExitCode.Should().Be(0);
        return dataDir;
    }

    [Fact]
    public void DiskFull_RestoreOfASoundBackupTheDriveCannotTake_ExitsWithDiskFullCodeAndSaysToFreeSpace()
    {
        if (Privileges.RootOnLinuxUnavailableReason("a real full disk") is { } reason)
        {
            Assert.Skip(reason); // before the backup is made, not only at the mount
        }

        _arf.Run("import", "--sample").ExitCode.Should().Be(0);
        var backup = _arf.Run("backup", "--name", "sound");
        backup.ExitCode.Should().Be(0, backup.ToString());
        var archive = Directory.GetFiles(Path.Combine(_arf.DataDir, "backups"), "sound_*.zip").Single();
        var mountPoint = MountSmallDiskOrSkip();

        try
        {
            // 2 MB of drive, 10 MB to keep free: no archive fits, however sound.
            var dataDir = InitializedOn(mountPoint);
            var before = File.ReadAllBytes(Path.Combine(dataDir, "data", "user_profile.json"));

            var result = _arf.RunRaw(["--data-dir", dataDir, "restore", archive]);

            result.ExitCode.Should().Be(5, result.ToString());
            result.StdErr.Should().Contain("the archive expands to").And.Contain("hint: The backup is sound").And.Contain("free some space");
            File.ReadAllBytes(Path.Combine(dataDir, "data", "user_profile.json")).Should().Equal(before);
        }
        finally
        {
            Privileges.Run(_arf, "umount", mountPoint);
        }
    }

    [Fact]
    public void DiskFull_Import_ExitsWithDiskFullCode()
    {
        var mountPoint = MountSmallDiskOrSkip();

        try
        {
            var dataDir = InitializedOn(mountPoint);
            var before = File.ReadAllBytes(Path.Combine(dataDir, "data", "user_profile.json"));

            var result = _arf.RunRaw(["--data-dir", dataDir, "import", "--sample"]);

            result.ExitCode.Should().Be(5, result.ToString());
            result.StdErr.Should().StartWith("error: Insufficient disk space (10MB required)").And.Contain("hint: Free some disk space");
            File.ReadAllBytes(Path.Combine(dataDir, "data", "user_profile.json")).Should().Equal(before);
        }
        finally
        {
            Privileges.Run(_arf, "umount", mountPoint);
        }
    }

    [Fact]
    public void AccessDenied_ShowAsAnotherUser_ExitsWithDataError()
    {
        if (Privileges.RootOnLinuxUnavailableReason("an access-denied check") is { } reason)
        {
            Assert.Skip(reason);
        }

        string[] asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", ArfData.DotnetHost(), ArfData.ToolPath];
        var probe = _arf.Execute("setpriv", [.. asNobody, "--version"]);
        if (probe.ExitCode != 0)
        {
            Assert.Skip($"the tool cannot run as an unprivileged user here (exit {probe.ExitCode}): {probe.StdErr.Trim()}");
        }

        _arf.InitWithSample();
        File.SetUnixFileMode(_arf.DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(Path.Combine(_arf.DataDir, "data"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);

        var result = _arf.Execute("setpriv", [.. asNobody, "--data-dir", _arf.DataDir, "show"]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().StartWith("error: Access denied to '").And.Contain("hint: Make sure the data directory and its files belong to the current user");
    }
}
