using System.Security.Cryptography;
using AutoResumeFiller.Data.Cli.Tests.Support;
using AutoResumeFiller.Data.TestFixtures;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

/// <summary><c>arf-data migrate</c>, <c>init</c> and <c>show</c> run as processes on the Python app's real files.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Migrate_DryRun_SaysWhatItWouldImportAndChangesNothing()
    {
        var legacy = PythonAppFixture.CopyLegacyFolder(_arf.LegacyDefaultDir);

        var result = _arf.Run("migrate", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"Found the Python app's data in {legacy}")
            .And.Contain("profile:   will be imported")
            .And.Contain("backups:   2 to import")
            .And.Contain("+ auto_backup_20261203_075841.json")
            .And.Contain("files:     3 to copy")
            .And.Contain("+ resumes/resume_2025.pdf")
            .And.Contain("Dry run: nothing was changed.");
        Directory.Exists(_arf.DataDir).Should().BeFalse("a dry run creates nothing");
    }

    [Fact]
    public void Migrate_ThenAgain_ImportsOnceAndLeavesTheLegacyFolderAlone()
    {
        var legacy = PythonAppFixture.CopyLegacyFolder(Path.Combine(_arf.Root, "old laptop"));
        var before = Hashes(legacy);

        var first = _arf.Run("migrate", "--from", legacy);
        var second = _arf.Run("migrate", "--from", legacy);

        first.ExitCode.Should().Be(0, first.ToString());
        first.StdOut.Should().Contain($"Imported into {_arf.DataDir}").And.Contain("profile:   imported").And.Contain("backups:   2 imported").And.Contain("files:     3 copied");
        second.ExitCode.Should().Be(0, second.ToString());
        second.StdOut.Should().Contain("profile:   already imported").And.Contain("2 already imported").And.Contain("Nothing left to import");
        Directory.GetFiles(_arf.BackupsDir, "auto_backup_*.zip").Should().HaveCount(2);
        Hashes(legacy).Should().Equal(before);
        var show = _arf.Run("show");
        show.StdOut.Should().Contain("Amara Okafor");
    }

    [Fact]
    public void Migrate_InvalidLegacyProfile_ListsItsErrorsAndImportsNothing()
    {
        var legacy = PythonAppFixture.CopyLegacyFolder(Path.Combine(_arf.Root, "old"));
        var profile = Path.Combine(legacy, "user_profile.json");
        File.WriteAllText(profile, File.ReadAllText(profile).Replace("okafor@example.org", "not-an-email", StringComparison.Ordinal));

        var result = _arf.Run("migrate", "--from", legacy);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain("error: The profile is invalid (1 error):").And.Contain("personal_info.email");
        Directory.Exists(_arf.DataDir).Should().BeFalse();
    }

    [Fact]
    public void Migrate_NothingFound_SaysWhereItLookedAndHowToNameTheFolder()
    {
        var result = _arf.Run("migrate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("No data from the Python app was found").And.Contain("arf-data migrate --from DIR");
    }

    [Fact]
    public void Migrate_FromAFolderWithoutAProfile_IsADataError()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_arf.Root, "empty")).FullName;

        var result = _arf.Run("migrate", "--from", empty);

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().Contain($"error: '{empty}' holds no user_profile.json").And.Contain("hint: Name the folder");
    }

    [Fact]
    public void Init_PythonAppsDefaultFolderPresent_ImportsItAndSaysSo()
    {
        PythonAppFixture.CopyLegacyFolder(_arf.LegacyDefaultDir);

        var result = _arf.Run("init");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"Imported your data from the Python app ({_arf.LegacyDefaultDir}): profile imported; 2 backups, 3 files.");
        _arf.Run("show").StdOut.Should().Contain("Amara Okafor").And.NotContain("no personal information");
    }

    [Fact]
    public void Show_NoProfileButThePythonAppsOne_ImportsItAndShowsIt()
    {
        PythonAppFixture.CopyLegacyFolder(_arf.LegacyDefaultDir);

        var result = _arf.Run("show");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("Imported your data from the Python app");
        result.StdOut.Should().Contain("Amara Okafor");
    }

    [Fact]
    public void Show_EmptyProfileFromAnOlderInitBesideThePythonAppsOne_SuggestsMigrate()
    {
        _arf.Run("init").ExitCode.Should().Be(0);
        PythonAppFixture.CopyLegacyFolder(_arf.LegacyDefaultDir);

        var show = _arf.Run("show");
        var migrate = _arf.Run("migrate");

        show.StdOut.Should().Contain($"The Python app's profile is in {_arf.LegacyDefaultDir}: run 'arf-data migrate' to bring it in.");
        migrate.StdOut.Should().Contain("profile:   imported");
        _arf.Run("show").StdOut.Should().Contain("Amara Okafor").And.NotContain("run 'arf-data migrate'");
    }

    [Fact]
    public void Init_ProfileAtTheDataDirectorysRoot_ImportsItThere()
    {
        PythonAppFixture.CopyLegacyFolder(_arf.DataDir);

        var result = _arf.Run("init");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"Imported your data from the Python app ({_arf.DataDir})");
        File.Exists(Path.Combine(_arf.DataDir, "user_profile.json")).Should().BeTrue("the Python app's file stays where it was");
        _arf.Run("backups").StdOut.Should().Contain("auto_backup_");
    }
}
