namespace AutoResumeFiller.Data.Cli.Tests.Support;

/// <summary>Runs the tool on a pseudo-terminal through util-linux <c>script</c>, so it sees a real terminal.</summary>
public static class Pty
{
    /// <summary>Why a terminal cannot be faked here, or <see langword="null"/> when it can.</summary>
    public static string? UnavailableReason() =>
        !OperatingSystem.IsLinux() ? "the pseudo-terminal checks use util-linux 'script', run on Linux only"
        : !File.Exists("/usr/bin/script") ? "util-linux 'script' is not installed, so no pseudo-terminal can be made"
        : null;

    /// <summary>Runs <c>arf-data --data-dir DataDir ARGS</c> on a pseudo-terminal; stdout and stderr arrive merged.</summary>
    public static CliResult Run(ArfData arf, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        string[] command = [ArfData.DotnetHost(), ArfData.ToolPath, "--data-dir", arf.DataDir, .. args];
        var shellCommand = string.Join(' ', command.Select(Quote));
        return arf.Execute("/usr/bin/script", ["-q", "-e", "-c", shellCommand, "/dev/null"], environment: environment);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
