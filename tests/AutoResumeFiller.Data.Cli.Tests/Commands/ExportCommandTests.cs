using AutoResumeFiller.Data.Cli.Tests.Support;
using AutoResumeFiller.Data.TestFixtures;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

/// <summary><c>arf-data export</c> run as a process; its archive restored by another data directory; the Python app's export verified.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Export_ToAnotherFolder_WritesAPrivateArchiveThatRestoresElsewhere()
    {
        _arf.InitWithSample();
        var target = Path.Combine(Directory.CreateDirectory(Path.Combine(_arf.Root, "usb stick")).FullName, "arf.zip");

        var result = _arf.Run("export", target);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain($"Exported to {target}");
        result.AllOutput.Should().NotContain("Exporting [", "no progress bar when the output is not a terminal");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var other = Path.Combine(_arf.Root, "new machine");
        _arf.RunRaw(["--data-dir", other, "init"]).ExitCode.Should().Be(0);
        var verify = _arf.RunRaw(["--data-dir", other, "verify", target]);
        verify.StdOut.Should().Contain("kind export");
        var restore = _arf.RunRaw(["--data-dir", other, "restore", target]);
        restore.ExitCode.Should().Be(0, restore.ToString());
        File.ReadAllBytes(Path.Combine(other, "data", "user_profile.json")).Should().Equal(File.ReadAllBytes(_arf.ProfilePath));
    }

    [Fact]
    public void Export_OverAnExistingFile_IsAUsageErrorAndLeavesItAlone()
    {
        _arf.InitWithSample();
        var target = _arf.WriteFile("taken.zip", "mine");

        var result = _arf.Run("export", target);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StdErr.Should().Contain($"error: '{target}' already exists; an export never replaces a file.");
        File.ReadAllText(target).Should().Be("mine");
    }

    [Fact]
    public void Export_OnATerminal_DrawsAnExportingProgressBar()
    {
        if (Pty.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        _arf.InitWithSample();
        var target = Path.Combine(_arf.Root, "tty.zip");

        var result = Pty.Run(_arf, null, "export", target);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Exporting [").And.Contain("100%");
        File.Exists(target).Should().BeTrue();
    }

    [Fact]
    public void VerifyAndRestore_ThePythonAppsExport_WarnsFirstAndKeepsTheCurrentConfig()
    {
        _arf.InitWithSample();
        File.WriteAllText(Path.Combine(_arf.DataDir, "config.yaml"), "ai:\n  api_key: sk-mine\n");

        var verify = _arf.Run("verify", PythonAppFixture.ExportPath);
        var restore = _arf.Run("restore", PythonAppFixture.ExportPath);

        verify.ExitCode.Should().Be(0, verify.ToString());
        verify.StdOut.Should().Contain("(4 files checked, kind export)").And.Contain("warning: config.yaml in this archive had its API keys redacted");
        restore.ExitCode.Should().Be(0, restore.ToString());
        restore.StdOut.IndexOf("warning: config.yaml", StringComparison.Ordinal).Should().BeLessThan(restore.StdOut.IndexOf("Restored from", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(_arf.DataDir, "config.yaml")).Should().Be("ai:\n  api_key: sk-mine\n");
        _arf.Run("show").StdOut.Should().Contain("Amara Okafor");
    }
}
