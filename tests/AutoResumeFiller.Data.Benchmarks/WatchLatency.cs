using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Watching;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// WatchProfile's latency: from just before a new profile file is renamed over <c>data/user_profile.json</c> (the commit
/// step of every save and restore) to the start of the callback, in events mode and in polling mode (default 1 s
/// interval). Each rename waits for its own notification, then a random pause, so no two are coalesced. Prints
/// <c>watch_MODE_median_us=…</c>, <c>watch_MODE_p99_us=…</c>, <c>watch_MODE_samples=…</c> for the report.
/// </summary>
internal static class WatchLatency
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static int Run(string folder, int eventSamples, int pollingSamples)
    {
        var root = Path.Combine(folder, "watch-latency-" + Environment.ProcessId);
        try
        {
            var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = root, MinimumFreeDiskSpaceBytes = 0 });
            manager.InitializeDataDirectory();
            var layout = new DataLayout(new System.IO.Abstractions.FileSystem(), manager.DataDirectory);
            Measure("events", layout, pollingReason: null, eventSamples, maxPause: TimeSpan.FromMilliseconds(20));
            Measure("polling", layout, pollingReason: "benchmark", pollingSamples, maxPause: TimeSpan.FromSeconds(1));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Measure(string mode, DataLayout layout, string? pollingReason, int samples, TimeSpan maxPause)
    {
        var arrivals = new BlockingCollection<(DateTime LastUpdated, long At)>();
        var settings = new ProfileWatchSettings(TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger.Instance, OnRealFileSystem: true, ProfileEncoding.Identity, pollingReason);
        var latencies = new List<double>();
        var random = new Random(42);
        using (var watch = ProfileWatch.Start(new System.IO.Abstractions.FileSystem(), layout, settings, c => arrivals.Add((c.LastUpdated, Stopwatch.GetTimestamp()))))
        {
            var stamp = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var warmUp = mode == "events" ? 20 : 2;
            for (var i = 0; i < samples + warmUp; i++)
            {
                stamp = stamp.AddSeconds(1);
                var temp = Path.Combine(layout.DataFolder, $".user_profile.json.{i:x16}.tmp");
                File.WriteAllBytes(temp, UserProfileSerializer.Serialize(new UserProfile { LastUpdated = stamp }));
                var before = Stopwatch.GetTimestamp();
                File.Move(temp, layout.ProfilePath, overwrite: true);
                if (!arrivals.TryTake(out var arrival, Timeout) || arrival.LastUpdated != stamp)
                {
                    throw new InvalidOperationException($"{mode}: no notification for rename {i} within {Timeout.TotalSeconds} s");
                }

                if (i >= warmUp)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(before, arrival.At).TotalMicroseconds);
                }

                // A random pause: otherwise each rename would follow a tick by the same delay, and polling's latency would not spread over the interval.
                Thread.Sleep(TimeSpan.FromMilliseconds(random.NextDouble() * maxPause.TotalMilliseconds));
            }
        }

        latencies.Sort();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"watch_{mode}_median_us={Percentile(latencies, 0.50):0}"));
        Console.WriteLine(string.Create(inv, $"watch_{mode}_p99_us={Percentile(latencies, 0.99):0}"));
        Console.WriteLine(string.Create(inv, $"watch_{mode}_max_us={latencies[^1]:0}"));
        Console.WriteLine(string.Create(inv, $"watch_{mode}_samples={latencies.Count}"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
