using System.IO.Compression;
using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Verify_BareFileName_FindsItInBackupsFolder()
    {
        _arf.InitWithSample();
        var backup = _arf.Backup();

        var result = _arf.Run("verify", Path.GetFileName(backup));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Be($"Valid: {backup} (1 file checked, kind manual)\n");
    }

    [Fact]
    public void Verify_RelativePath_ResolvesFromWorkingDirectory()
    {
        _arf.InitWithSample();
        var backup = _arf.Backup();

        var relative = Path.GetRelativePath(_arf.Root, backup);
        var result = _arf.RunRaw(["--data-dir", _arf.DataDir, "verify", relative], workingDirectory: _arf.Root);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().StartWith($"Valid: {backup}");
    }

    [Fact]
    public void Verify_TamperedArchive_ListsProblemsAndExitsThree()
    {
        _arf.InitWithSample();
        var backup = _arf.Backup();
        using (var zip = ZipFile.Open(backup, ZipArchiveMode.Update))
        {
            zip.GetEntry("data/user_profile.json")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("data/user_profile.json").Open());
            writer.Write("{}");
        }

        var result = _arf.Run("verify", backup);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdOut.Should().StartWith($"Invalid: {backup} (");
        result.StdOut.Should().Contain("  - ").And.Contain("data/user_profile.json");
    }

    [Fact]
    public void Verify_MissingBackup_ExitsThree()
    {
        _arf.Run("init").ExitCode.Should().Be(0);

        var result = _arf.Run("verify", "nothing_20250101_000000.zip");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdOut.Should().Contain("  - the file does not exist");
    }

    [Fact]
    public void Verify_NoArgument_IsUsageError()
    {
        var result = _arf.Run("verify");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().NotBeEmpty();
    }
}
