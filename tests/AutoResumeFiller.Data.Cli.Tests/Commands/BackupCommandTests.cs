using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class BackupCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Backup_Redirected_PrintsArchivePathWithoutProgressBar()
    {
        _arf.InitWithSample();
        Directory.CreateDirectory(Path.Combine(_arf.DataDir, "resumes"));
        File.WriteAllBytes(Path.Combine(_arf.DataDir, "resumes", "resume.pdf"), new byte[256 * 1024]);

        var result = _arf.Run("backup");

        result.ExitCode.Should().Be(0, result.ToString());
        var archive = Directory.GetFiles(_arf.BackupsDir, "manual_*.zip").Should().ContainSingle().Subject;
        result.StdOut.Should().Contain($"Backup created: {archive}");
        result.AllOutput.Should().NotContain("Backing up").And.NotContain("\r").And.NotContain("%");
        result.StdErr.Should().BeEmpty();
    }

    [Fact]
    public void Backup_Name_UsesNameAsPrefix()
    {
        _arf.InitWithSample();

        var result = _arf.Run("backup", "--name", "before-edit");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().MatchRegex(@"Backup created: .*before-edit_\d{8}_\d{6}\.zip");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("auto_backup")]
    public void Backup_UnsafeName_IsUsageErrorAndWritesNothing(string name)
    {
        _arf.InitWithSample();

        var result = _arf.Run("backup", "--name", name);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().StartWith($"error: The backup name '{name}' ").And.NotContain("(Parameter");
        Directory.GetFiles(_arf.BackupsDir, "*.zip").Where(f => !Path.GetFileName(f).StartsWith("auto_backup_", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void Backup_NoProfile_ExitsWithDataError()
    {
        var result = _arf.Run("backup");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain("error: User profile not found");
    }
}
