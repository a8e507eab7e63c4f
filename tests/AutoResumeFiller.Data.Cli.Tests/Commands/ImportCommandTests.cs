using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Import_ValidFile_SavesItAndBacksUpThePreviousProfile()
    {
        _arf.InitWithSample();
        var previous = File.ReadAllBytes(_arf.ProfilePath);
        var file = _arf.WriteFile("ada.json", Profiles.AdaJson);

        var result = _arf.Run("import", file);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"Imported {file}").And.Contain("previous profile kept in auto_backup_").And.Contain("Ada Lovelace: 0 jobs");
        File.ReadAllText(_arf.ProfilePath).Should().Contain("\"email\": \"ada@example.org\"");
        var named = System.Text.RegularExpressions.Regex.Match(result.StdOut, @"previous profile kept in (auto_backup_\S+\.zip)");
        named.Success.Should().BeTrue(result.ToString());
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_arf.BackupsDir, named.Groups[1].Value));
        using var stream = zip.GetEntry("user_profile.json")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.ToArray().Should().Equal(previous, "the auto-backup holds the profile the import replaced");
    }

    [Fact]
    public void Import_Sample_ImportsShippedSample()
    {
        var result = _arf.Run("import", "--sample");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Jordan Rivera: 2 jobs, 1 education, 8 skills, 1 projects, 1 certifications");
    }

    [Fact]
    public void Import_InvalidFile_ExitsWithDataErrorListsPathsAndWritesNothing()
    {
        _arf.InitWithSample();
        var before = File.ReadAllBytes(_arf.ProfilePath);
        var file = _arf.WriteFile("bad.json", Profiles.InvalidJson);

        var result = _arf.Run("import", file);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain("error: The profile is invalid (3 errors):")
            .And.Contain("  - personal_info.email: ")
            .And.Contain("  - work_experience[0].start_date: ")
            .And.Contain("  - work_experience[0].responsibilities: ")
            .And.Contain("hint: Correct the listed fields and try again; nothing was written.");
        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(before);
    }

    [Fact]
    public void Import_MissingFile_ExitsWithDataError()
    {
        var result = _arf.Run("import", Path.Combine(_arf.Root, "nope.json"));

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain("does not exist");
    }

    [Fact]
    public void Import_FileAndSample_IsUsageError()
    {
        var result = _arf.Run("import", ArfData.SamplePath, "--sample");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain("Give either FILE or --sample (exactly one).");
    }

    [Fact]
    public void Import_NeitherFileNorSample_IsUsageError()
    {
        var result = _arf.Run("import");

        result.ExitCode.Should().Be(2, result.ToString());
        File.Exists(_arf.ProfilePath).Should().BeFalse();
    }
}
