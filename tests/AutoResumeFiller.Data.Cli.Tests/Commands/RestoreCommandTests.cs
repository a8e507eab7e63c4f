using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class RestoreCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Restore_Backup_RestoresProfileAndPrintsUndoBackup()
    {
        _arf.InitWithSample();
        var sampleBytes = File.ReadAllBytes(_arf.ProfilePath);
        var backup = Path.GetFileName(_arf.Backup());
        _arf.Run("import", _arf.WriteFile("ada.json", Profiles.AdaJson)).ExitCode.Should().Be(0);

        var result = _arf.Run("restore", backup);

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(sampleBytes);
        var preRestore = Directory.GetFiles(_arf.BackupsDir, "pre_restore_*.zip").Should().ContainSingle().Subject;
        result.StdOut.Should().Contain($"Restored from {backup}")
            .And.Contain($"Pre-restore backup: {preRestore}")
            .And.Contain($"To undo, run: arf-data --data-dir \"{_arf.DataDir}\" restore {Path.GetFileName(preRestore)}");
    }

    [Fact]
    public void Restore_PreRestoreBackup_UndoesTheRestore()
    {
        _arf.InitWithSample();
        var backup = Path.GetFileName(_arf.Backup());
        _arf.Run("import", _arf.WriteFile("ada.json", Profiles.AdaJson)).ExitCode.Should().Be(0);
        var adaBytes = File.ReadAllBytes(_arf.ProfilePath);
        _arf.Run("restore", backup).ExitCode.Should().Be(0);
        var preRestore = Directory.GetFiles(_arf.BackupsDir, "pre_restore_*.zip").Single();

        var result = _arf.Run("restore", preRestore);

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(adaBytes);
    }

    [Fact]
    public void Restore_InvalidBackup_ExitsThreeListsProblemsAndChangesNothing()
    {
        _arf.InitWithSample();
        var before = File.ReadAllBytes(_arf.ProfilePath);
        var bogus = _arf.WriteFile("bogus_20250101_000000.zip", "not a zip");

        var result = _arf.Run("restore", bogus);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain($"error: Backup '{bogus}' is not valid:")
            .And.Contain("  - the archive cannot be read")
            .And.Contain("hint: Choose another backup (see 'arf-data backups')")
            .And.NotContain("ListAvailableBackups");
        File.ReadAllBytes(_arf.ProfilePath).Should().Equal(before);
        Directory.GetFiles(_arf.BackupsDir, "pre_restore_*.zip").Should().BeEmpty();
    }

    [Fact]
    public void Restore_MissingBackup_ExitsThree()
    {
        _arf.InitWithSample();

        var result = _arf.Run("restore", "missing_20250101_000000.zip");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain("the file does not exist");
    }
}
