namespace AutoResumeFiller.Data.Cli.Tests.Support;

/// <summary>What one run of <c>arf-data</c> produced.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Gets both streams, for assertions that some text appears nowhere.</summary>
    public string AllOutput => StdOut + StdErr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}
