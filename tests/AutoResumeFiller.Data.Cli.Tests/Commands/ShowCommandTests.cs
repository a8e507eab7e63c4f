using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

public sealed class ShowCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Show_SampleProfile_PrintsReadableSummary()
    {
        _arf.InitWithSample();

        var result = _arf.Run("show");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Jordan Rivera")
            .And.Contain("Email:     jordan.rivera@example.com")
            .And.Contain("Work experience (2)")
            .And.Contain("- Senior Software Engineer at Northwind Logistics (2021-03 - Present)")
            .And.Contain("Education (1)")
            .And.Contain("Skills (8)")
            .And.Contain("Certifications (1)");
        result.StdOut.Should().NotContain("\u001b[", "no colours when output is redirected");
    }

    [Fact]
    public void Show_Json_EqualsStoredFile()
    {
        _arf.InitWithSample();

        var result = _arf.Run("show", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Be(File.ReadAllText(_arf.ProfilePath));
    }

    [Fact]
    public void Show_JsonWithNonAsciiText_EqualsStoredBytes()
    {
        _arf.Run("init").ExitCode.Should().Be(0);
        var file = _arf.WriteFile("zoe.json", Profiles.AdaJson.Replace("\"Ada\"", "\"Zoë\"", StringComparison.Ordinal).Replace("Lovelace", "Ångström-Øre 山田", StringComparison.Ordinal));
        _arf.Run("import", file).ExitCode.Should().Be(0);

        var result = _arf.Run("show", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        System.Text.Encoding.UTF8.GetBytes(result.StdOut).Should().Equal(File.ReadAllBytes(_arf.ProfilePath));
    }

    [Fact]
    public void Show_NonAsciiName_IsPrintedAsUtf8()
    {
        _arf.Run("init").ExitCode.Should().Be(0);
        var file = _arf.WriteFile("zoe.json", Profiles.AdaJson.Replace("\"Ada\"", "\"Zoë\"", StringComparison.Ordinal).Replace("Lovelace", "Ångström-Øre 山田", StringComparison.Ordinal));
        _arf.Run("import", file).ExitCode.Should().Be(0);

        var result = _arf.Run("show");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("\nZoë Ångström-Øre 山田\n");
    }

    [Fact]
    public void Show_EmptyProfile_SaysThereIsNoPersonalInformation()
    {
        _arf.Run("init").ExitCode.Should().Be(0);

        var result = _arf.Run("show");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("(no personal information yet)").And.Contain("Work experience (0)");
    }

    [Fact]
    public void Show_NoProfile_ExitsWithDataErrorAndSuggestsInit()
    {
        var result = _arf.Run("show");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdOut.Should().BeEmpty();
        result.StdErr.Should().Contain($"error: User profile not found at '{_arf.ProfilePath}'.")
            .And.Contain("hint: Run 'arf-data init' to create the data directory")
            .And.NotContain("InitializeDataDirectory").And.NotContain("()");
    }

    [Fact]
    public void Show_CorruptProfile_ExitsWithDataErrorAndListsBackups()
    {
        _arf.InitWithSample();
        var backup = Path.GetFileName(_arf.Backup());
        File.WriteAllText(_arf.ProfilePath, Profiles.CorruptJson);

        var result = _arf.Run("show");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdErr.Should().StartWith("error: Failed to parse user_profile.json: ").And.Contain("hint: Restore a backup with 'arf-data restore NAME' (see 'arf-data backups'); newest first: ").And.Contain(backup);
        result.StdErr.Should().NotContain("RestoreFromBackup");
        result.StdErr.Should().NotContain("   at ");
    }
}
