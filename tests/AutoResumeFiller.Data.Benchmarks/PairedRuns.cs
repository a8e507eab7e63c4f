using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.Benchmarks.Support;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Paired measurements: the baseline and our operation alternate, one after the other, so both see the same disk
/// and CPU conditions. On a shared machine whose fsync latency drifts (1–8 ms here, depending on what else writes),
/// this ratio is fairer than that of two benchmarks run a minute apart; the script reports both.
/// Prints <c>paired_KEY_baseline_ms=…</c>, <c>paired_KEY_ours_ms=…</c> (medians) and <c>paired_KEY_ratio=…</c>.
/// </summary>
internal static class PairedRuns
{
    public static int Run()
    {
        var root = Path.Combine(DataSet.Root, "paired-" + Environment.ProcessId);
        try
        {
            foreach (var (size, profile, rounds) in new[] { ("30KB", ProfileGenerator.Typical(), 300), ("1MB", ProfileGenerator.Large(), 60) })
            {
                var bytes = UserProfileSerializer.Serialize(profile);
                var folder = Path.Combine(root, "baseline-" + size, "data");
                Directory.CreateDirectory(folder);
                var target = Path.Combine(folder, "user_profile.json");
                foreach (var backup in new[] { false, true })
                {
                    var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = Path.Combine(root, $"{size}-{backup}"), AutoBackupEnabled = backup });
                    manager.InitializeDataDirectory();
                    manager.SaveUserProfile(profile);
                    Pair($"save_{size}_{(backup ? "backup" : "plain")}", rounds, () => DurableBaseline.Write(folder, target, bytes), () => manager.SaveUserProfile(profile));
                }
            }

            foreach (var megabytes in new[] { 25, 100 })
            {
                var dataSet = DataSet.Ensure(megabytes);
                var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dataSet });
                var zipPath = Path.Combine(root, "zip6.zip");
                Directory.CreateDirectory(root);
                Pair(
                    $"backup_{megabytes}",
                    3,
                    () =>
                    {
                        File.Delete(zipPath);
                        ExternalTool.Run(dataSet, "zip", "-6", "-r", "-q", zipPath, "data/user_profile.json", "config.yaml", "resumes", "cover_letters");
                    },
                    () => File.Delete(manager.BackupData("paired")));
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return 0;
    }

    private static void Pair(string key, int rounds, Action baseline, Action ours)
    {
        // Warm up until both run tier-1 code (tiering needs 30 calls and a quiet 100 ms): at least a tenth of the
        // rounds and at least 2 seconds; without this the first pairs measure unoptimized JIT code.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < Math.Max(1, rounds / 10) || warmUp.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            baseline();
            ours();
        }

        var baselineMs = new List<double>(rounds);
        var oursMs = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            // Alternate which goes first, so neither always follows the other's writes.
            if (i % 2 == 0)
            {
                baselineMs.Add(Measure(baseline));
                oursMs.Add(Measure(ours));
            }
            else
            {
                oursMs.Add(Measure(ours));
                baselineMs.Add(Measure(baseline));
            }
        }

        var b = Median(baselineMs);
        var o = Median(oursMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_baseline_ms={b:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_ours_ms={o:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_ratio={o / b:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_rounds={rounds}"));
    }

    private static double Measure(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
