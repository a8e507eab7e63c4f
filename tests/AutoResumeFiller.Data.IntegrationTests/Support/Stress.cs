using System.Globalization;

namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>Sizes of the reliability suites: CI size times <c>ARF_STRESS_SCALE</c> (default 1, at most 1000).</summary>
public static class Stress
{
    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("ARF_STRESS_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? Math.Min(scale, 1000)
            : 1;

    public static int Count(int ciCount) => ciCount * Scale;

    /// <summary>Writes a suite's counts to the test output and to the console, so they show in CI logs.</summary>
    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
