using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Validate_ValidFile_ExitsZero()
    {
        var result = _arf.Run("validate", ArfData.SamplePath);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Be($"Valid: {ArfData.SamplePath}\n");
    }

    [Fact]
    public void Validate_InvalidFile_ListsEveryErrorWithPath()
    {
        var file = _arf.WriteFile("bad.json", Profiles.InvalidJson);

        var result = _arf.Run("validate", file);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdOut.Should().Contain($"Invalid: {file} (3 errors)");
        result.StdOut.Should().Contain("  personal_info.email: ")
            .And.Contain("  work_experience[0].start_date: ")
            .And.Contain("  work_experience[0].responsibilities: ");
    }

    [Fact]
    public void Validate_StoredInvalidProfile_ListsErrors()
    {
        _arf.Run("init").ExitCode.Should().Be(0);
        File.WriteAllText(_arf.ProfilePath, Profiles.InvalidJson);

        var result = _arf.Run("validate");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdOut.Should().Contain($"Invalid: {_arf.ProfilePath} (3 errors)").And.Contain("work_experience[0].responsibilities: ");
    }

    [Fact]
    public void Validate_StoredValidProfile_ExitsZero()
    {
        _arf.InitWithSample();

        var result = _arf.Run("validate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Be($"Valid: {_arf.ProfilePath}\n");
    }

    [Fact]
    public void Validate_RelativeFile_ResolvesFromWorkingDirectory()
    {
        _arf.WriteFile("ada.json", Profiles.AdaJson);

        var result = _arf.RunRaw(["validate", "ada.json"], workingDirectory: _arf.Root);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain(Path.Combine(_arf.Root, "ada.json"));
    }

    [Fact]
    public void Validate_MissingFile_ExitsWithDataError()
    {
        var missing = Path.Combine(_arf.Root, "missing.json");

        var result = _arf.Run("validate", missing);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain($"error: File '{missing}' does not exist.").And.Contain("hint: ");
    }

    [Fact]
    public void Validate_CorruptFile_ExitsWithDataErrorAndParserDetails()
    {
        var file = _arf.WriteFile("corrupt.json", Profiles.CorruptJson);

        var result = _arf.Run("validate", file);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().StartWith($"error: Failed to parse '{file}': ").And.Contain("LineNumber");
    }

    [Fact]
    public void Validate_FileThatIsNotJson_NamesThatFileAndSuggestsOnlyArfDataCommands()
    {
        var result = _arf.Run("validate", "/etc/passwd");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().StartWith("error: Failed to parse '/etc/passwd': ").And.NotContain("user_profile.json");
        var hint = result.StdErr.Split('\n').Should().ContainSingle(l => l.StartsWith("hint: ", StringComparison.Ordinal)).Subject;
        hint.Should().Contain("'arf-data show --json'").And.NotContain("()").And.NotContain("InitializeDataDirectory").And.NotContain("ListAvailableBackups");
    }
}
