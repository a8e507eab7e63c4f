using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class InitCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Init_NewDirectory_CreatesLayoutAndPrintsIt()
    {
        var result = _arf.Run("init");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Data directory is ready.").And.Contain($"Data directory: {_arf.DataDir}");
        result.StdOut.Should().Contain("data/user_profile.json").And.Contain("backups/").And.Contain("cover_letters/");
        result.StdErr.Should().BeEmpty();
        foreach (var folder in new[] { "data", "resumes", "cover_letters", "backups", "logs" })
        {
            Directory.Exists(Path.Combine(_arf.DataDir, folder)).Should().BeTrue(folder);
        }

        File.ReadAllText(_arf.ProfilePath).Should().Contain("\"personal_info\": null");
    }

    [Fact]
    public void Init_FileWhereBackupsShouldBe_SucceedsAndWarns()
    {
        Directory.CreateDirectory(_arf.DataDir);
        var backups = Path.Combine(_arf.DataDir, "backups");
        File.WriteAllText(backups, "not a folder");

        var result = _arf.Run("init");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"warning: {backups}: a file is in its place (skipped; fix it to use that folder again)");
        File.Exists(_arf.ProfilePath).Should().BeTrue();
    }

    [Fact]
    public void Init_ExistingProfile_LeavesItUnchanged()
    {
        _arf.InitWithSample();
        var before = File.ReadAllBytes(_arf.ProfilePath);

        var result = _arf.Run("init");

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(before);
    }

    [Fact]
    public void Init_WithoutDataDirOption_UsesEnvironmentVariable()
    {
        var result = _arf.RunRaw(["init"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"Data directory: {_arf.EnvDataDir}");
        File.Exists(Path.Combine(_arf.EnvDataDir, "data", "user_profile.json")).Should().BeTrue();
        Directory.Exists(_arf.DataDir).Should().BeFalse();
    }

    [Fact]
    public void Init_RelativeDataDir_ResolvesFromWorkingDirectory()
    {
        var result = _arf.RunRaw(["--data-dir", "relative-dir", "init"], workingDirectory: _arf.Root);

        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(Path.Combine(_arf.Root, "relative-dir", "data", "user_profile.json")).Should().BeTrue();
    }

    [Fact]
    public void Init_DataDirIsAFile_ExitsWithDataError()
    {
        var file = _arf.WriteFile("not-a-folder", "x");

        var result = _arf.RunRaw(["--data-dir", file, "init"]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().StartWith("error: ").And.Contain("hint: ");
        result.StdErr.Should().NotContain("   at ", "no stack trace is printed");
    }
}
