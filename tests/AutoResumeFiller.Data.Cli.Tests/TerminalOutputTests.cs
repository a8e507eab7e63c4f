using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests;

/// <summary>What the tool does on a real terminal (a pseudo-terminal from <c>script</c>): colours and the progress bar.</summary>
public sealed class TerminalOutputTests : IDisposable
{
    private const string Escape = "\u001b[";
    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Fact]
    public void Backup_OnTerminal_DrawsProgressBar()
    {
        SkipWithoutPty();
        _arf.InitWithSample();

        var result = Pty.Run(_arf, null, "backup");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Backing up [##############################] 100%").And.Contain("Backup created: ");
    }

    [Fact]
    public void Show_OnTerminal_UsesColours()
    {
        SkipWithoutPty();
        _arf.InitWithSample();

        var result = Pty.Run(_arf, null, "show");

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain(Escape + "1mJordan Rivera" + Escape + "0m");
    }

    [Fact]
    public void Show_OnTerminalWithNoColor_HasNoColours()
    {
        SkipWithoutPty();
        _arf.InitWithSample();

        var result = Pty.Run(_arf, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "show");

        result.ExitCode.Should().Be(0, result.ToString());
        // The runtime itself may switch the terminal's keypad mode (ESC[?1h); colours are SGR sequences, ESC[<n>m.
        result.StdOut.Should().Contain("Jordan Rivera").And.NotMatchRegex(@"\u001b\[[0-9;]*m");
    }

    [Fact]
    public void Error_OnTerminal_IsColouredAndHasNoStackTrace()
    {
        SkipWithoutPty();

        var result = Pty.Run(_arf, null, "show");

        result.ExitCode.Should().Be(3, result.ToString());
        result.StdOut.Should().Contain(Escape + "31merror:" + Escape + "0m User profile not found").And.NotContain("   at ");
    }

    private static void SkipWithoutPty()
    {
        if (Pty.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
