using System.Globalization;
using System.Text;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>The "Live changes" section of BENCHMARKS.md, from the <c>watch_*</c> lines <see cref="WatchLatency"/> printed.</summary>
internal static class WatchLatencyReport
{
    public static void Append(StringBuilder md, Dictionary<string, string> extras)
    {
        md.AppendLine("## Live changes: WatchProfile latency (DESIGN §9: within 500 ms)");
        md.AppendLine();
        if (!extras.ContainsKey("watch_events_median_us"))
        {
            md.AppendLine("Not measured in this run (`--watch-latency`).");
            md.AppendLine();
            return;
        }

        md.AppendLine("From just before a new profile file is renamed over `data/user_profile.json` (a save's or restore's commit) to the");
        md.AppendLine("callback, one rename at a time (no coalescing), on the benchmark's temp folder. Polling uses the default 1 s interval,");
        md.AppendLine("so its latency spreads over the interval; polling is the fallback where events do not work.");
        md.AppendLine();
        md.AppendLine("| Mode | Samples | Median | p99 | Max |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var mode in new[] { "events", "polling" })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {mode} | {Get(extras, mode, "samples")} | {Ms(extras, mode, "median")} | {Ms(extras, mode, "p99")} | {Ms(extras, mode, "max")} |");
        }

        md.AppendLine();
    }

    private static string Get(Dictionary<string, string> extras, string mode, string key) =>
        extras.TryGetValue($"watch_{mode}_{key}", out var value) ? value : "n/a";

    private static string Ms(Dictionary<string, string> extras, string mode, string key) =>
        extras.TryGetValue($"watch_{mode}_{key}_us", out var value) && double.TryParse(value, CultureInfo.InvariantCulture, out var us)
            ? string.Create(CultureInfo.InvariantCulture, $"{us / 1000:0.###} ms")
            : "n/a";
}
