using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class DemoCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Demo_FreshDirectory_ShowsLayoutProfileBackupAndList()
    {
        var result = _arf.RunRaw(["demo"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("== 1. Initialize the data directory ==")
            .And.Contain($"Data directory: {_arf.EnvDataDir}")
            .And.Contain("== 2. Import the sample profile ==")
            .And.Contain("Jordan Rivera")
            .And.Contain("== 3. Back up ==")
            .And.Contain("== 4. List the backups ==")
            .And.MatchRegex(@"Backup created: .*demo_\d{8}_\d{6}\.zip");
        var demoBackup = Directory.GetFiles(Path.Combine(_arf.EnvDataDir, "backups"), "demo_*.zip").Should().ContainSingle().Subject;
        result.StdOut.Should().MatchRegex(System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(demoBackup)) + @"\s+manual\s+\d{4}-");
        result.AllOutput.Should().NotContain("Backing up [");
    }

    [Fact]
    public void Demo_RunTwice_SucceedsAndKeepsSample()
    {
        _arf.Run("demo").ExitCode.Should().Be(0);

        var result = _arf.Run("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("The sample profile is already imported; nothing to do.");
    }

    [Fact]
    public void Demo_OwnProfile_IsNeverReplaced()
    {
        _arf.Run("import", _arf.WriteFile("ada.json", Profiles.AdaJson)).ExitCode.Should().Be(0);
        var before = File.ReadAllBytes(_arf.ProfilePath);

        var result = _arf.Run("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("already holds a profile of its own").And.Contain("Ada Lovelace");
        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(before);
    }

    [Fact]
    public void Demo_ProfileWithoutPersonalInfo_IsNeverReplaced()
    {
        var skillsOnly = _arf.WriteFile("skills.json", """{ "version": "1.0", "skills": ["Welding"], "last_updated": "2025-01-01T00:00:00Z" }""");
        _arf.Run("import", skillsOnly).ExitCode.Should().Be(0);
        var before = File.ReadAllBytes(_arf.ProfilePath);

        var result = _arf.Run("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("already holds a profile of its own").And.Contain("Welding");
        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(before);
    }
}
