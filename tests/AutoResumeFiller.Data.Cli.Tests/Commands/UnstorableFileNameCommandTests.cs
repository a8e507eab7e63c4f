using AutoResumeFiller.Data.Cli.Tests.Support;
using AutoResumeFiller.Data.TestFixtures;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

/// <summary>
/// A real file whose name no backup can hold (<c>CV 10:30.pdf</c>, legal on Linux and macOS): <c>backup</c>, <c>export</c>,
/// <c>verify</c>, <c>restore</c> and <c>migrate</c> each say what becomes of it.
/// </summary>
public sealed class UnstorableFileNameCommandTests : IDisposable
{
    private const string ColonName = "CV 10:30.pdf";

    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("a ':' cannot be in a file name on Windows, so no such file can be made there");
        }
    }

    private string WriteColonResume()
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_arf.DataDir, "resumes")).FullName, ColonName);
        File.WriteAllText(path, "my resume");
        return path;
    }

    [Fact]
    public void Backup_ThenRestore_WarnsTheFileIsLeftOutAndTheRestoreKeepsIt()
    {
        SkipOnWindows();
        _arf.InitWithSample();
        var older = _arf.Backup("older");
        var resume = WriteColonResume();

        var backup = _arf.Run("backup");
        var restore = _arf.Run("restore", Path.GetFileName(older));

        backup.ExitCode.Should().Be(0, backup.ToString());
        backup.StdOut.Should().Contain($"warning: not in this archive: resumes/{ColonName} (the name contains ':'); no backup can hold that name.");
        restore.ExitCode.Should().Be(0, restore.ToString());
        restore.StdOut.Should().Contain($"warning: resumes/{ColonName} has a name no backup can hold (the name contains ':'): a restore leaves it as it is.");
        File.ReadAllText(resume).Should().Be("my resume");
    }

    [Fact]
    public void Export_FileNameNoBackupCanHold_WarnsItIsNotInTheExport()
    {
        SkipOnWindows();
        _arf.InitWithSample();
        WriteColonResume();
        var target = Path.Combine(_arf.Root, "arf.zip");

        var result = _arf.Run("export", target);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"warning: not in this archive: resumes/{ColonName} (the name contains ':')");
    }

    [Fact]
    public void Backup_EveryNameStorable_PrintsNoWarning()
    {
        _arf.InitWithSample();

        var result = _arf.Run("backup");

        result.ExitCode.Should().Be(0, result.ToString());
        result.AllOutput.Should().NotContain("warning:");
    }

    [Fact]
    public void Migrate_FileNameNoBackupCanHold_SaysItWasSkippedAndWhy()
    {
        SkipOnWindows();
        var legacy = PythonAppFixture.CopyLegacyFolder(Path.Combine(_arf.Root, "old"));
        File.WriteAllText(Path.Combine(legacy, "resumes", ColonName), "old resume");

        var result = _arf.Run("migrate", "--from", legacy);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("files:     3 copied, 1 skipped")
            .And.Contain($"- skipped resumes/{ColonName} (the name contains ':'): no backup could hold that name; rename it in {legacy}, then migrate again");
    }
}
