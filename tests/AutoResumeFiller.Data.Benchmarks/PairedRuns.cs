using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.Benchmarks.Support;
using AutoResumeFiller.Data.IO;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Paired measurements: the baseline and our operation alternate, one after the other, so both see the same disk
/// and CPU conditions. On a shared machine whose fsync latency drifts (1–8 ms here, depending on what else writes),
/// this ratio is fairer than that of two benchmarks run a minute apart; the script reports both.
/// Prints <c>paired_KEY_baseline_ms=…</c>, <c>paired_KEY_ours_ms=…</c> (medians) and <c>paired_KEY_ratio=…</c>.
/// </summary>
internal static class PairedRuns
{
    private delegate void BackupFloor(string folder, string backupsFolder, string target, ReadOnlySpan<byte> bytes, ref int sequence);

    /// <param name="only">Keys to run (prefixes such as <c>save_30KB</c> or <c>backup</c>); empty runs everything.</param>
    public static int Run(IReadOnlyList<string> only)
    {
        bool Wanted(string key) => only.Count == 0 || only.Any(o => key.StartsWith(o, StringComparison.Ordinal));

        var root = Path.Combine(DataSet.Root, "paired-" + Environment.ProcessId);
        try
        {
            foreach (var (size, profile, rounds) in new[] { ("30KB", ProfileGenerator.Typical(), 300), ("1MB", ProfileGenerator.Large(), 200) })
            {
                var bytes = UserProfileSerializer.Serialize(profile);
                var folder = Path.Combine(root, "baseline-" + size, "data");
                Directory.CreateDirectory(folder);
                var target = Path.Combine(folder, "user_profile.json");
                foreach (var backup in new[] { false, true })
                {
                    var key = $"save_{size}_{(backup ? "backup" : "plain")}";
                    if (!Wanted(key))
                    {
                        continue;
                    }

                    var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = Path.Combine(root, $"{size}-{backup}"), AutoBackupEnabled = backup });
                    manager.InitializeDataDirectory();
                    manager.SaveUserProfile(profile);
                    Pair(key, rounds, () => DurableBaseline.Write(folder, target, bytes), () => manager.SaveUserProfile(profile));
                }
            }

            foreach (var (size, profile) in new[] { ("30KB", ProfileGenerator.Typical()), ("1MB", ProfileGenerator.Large()) })
            {
                var bytes = UserProfileSerializer.Serialize(profile);
                var folder = Path.Combine(root, "io-baseline-" + size);
                Directory.CreateDirectory(folder);
                void Baseline() => DurableBaseline.Write(folder, Path.Combine(folder, "user_profile.json"), bytes);

                // The library's durable replace alone (AtomicFileWriter: exclusive 0600 temp file, fsync, rename, folder fsync)
                // against the bare baseline: shows that what a save costs beyond the floor is the manager's CPU work, not its I/O.
                if (Wanted($"io_{size}"))
                {
                    var ours = Path.Combine(root, "io-ours-" + size);
                    Directory.CreateDirectory(ours);
                    var writer = new AtomicFileWriter(new System.IO.Abstractions.FileSystem(), PlatformEnvironment.Current, NullLogger.Instance);
                    var target = Path.Combine(ours, "user_profile.json");
                    Pair($"io_{size}", 300, Baseline, () => writer.Write(target, stream => stream.Write(bytes)));
                }

                // The floor under the auto-backup target: the I/O a save with auto-backup must do (the backup durable
                // before the profile is replaced), with bare calls and no CPU work, against the same baseline.
                foreach (var (key, floorName, write) in new (string, string, BackupFloor)[]
                {
                    ($"io_backup_{size}", "io-backup-", DurableBaseline.WriteWithBackup),
                })
                {
                    if (!Wanted(key))
                    {
                        continue;
                    }

                    var floorData = Path.Combine(root, floorName + size, "data");
                    var floorBackups = Path.Combine(root, floorName + size, "backups");
                    Directory.CreateDirectory(floorData);
                    Directory.CreateDirectory(floorBackups);
                    var sequence = 0;
                    Pair(key, 300, Baseline, () => write(floorData, floorBackups, Path.Combine(floorData, "user_profile.json"), bytes, ref sequence));
                }
            }

            if (Wanted("load_30KB"))
            {
                PairLoadWithPydantic(root, "load_30KB", manager => manager.SaveUserProfile(ProfileGenerator.Typical()));
            }

            // The Python app's own kind of file, read as it is: json.dumps(indent=2, ensure_ascii=True), so every
            // non-ASCII letter is a \u escape, and a timestamp without an offset.
            if (Wanted("load_19KB_python"))
            {
                var file = Path.Combine(AppContext.BaseDirectory, "Support", "python_profile_19KB.json");
                PairLoadWithPydantic(root, "load_19KB_python", manager => File.Copy(file, manager.ProfilePath, overwrite: true));
            }

            foreach (var megabytes in new[] { 25, 100 }.Where(m => Wanted($"backup_{m}")))
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

    /// <summary>
    /// A load against the Python app's pydantic load of the same file, measured the same way on both sides (timeit's
    /// method: a loop of at least 0.2 s, repeated 7 times, the median repeat's mean per load), three rounds alternating
    /// which goes first; prints the medians over the rounds. Skipped when python3 with pydantic is absent.
    /// </summary>
    /// <param name="root">The folder the data directory goes in.</param>
    /// <param name="key">The key of the printed figures.</param>
    /// <param name="writeProfile">Puts the profile to load in the initialized data directory.</param>
    private static void PairLoadWithPydantic(string root, string key, Action<UserDataManager> writeProfile)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "pydantic_load.py");
        try
        {
            ExternalTool.Run(AppContext.BaseDirectory, "python3", "-c", "import pydantic");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"paired_{key}_skipped=python3 with pydantic is not installed");
            return;
        }

        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = Path.Combine(root, key) });
        manager.InitializeDataDirectory();
        writeProfile(manager);
        var ours = new List<double>();
        var pydantic = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            if (round % 2 == 0)
            {
                pydantic.Add(PydanticMedianUs(script, manager.ProfilePath));
                ours.Add(TimeitMedianUs(() => manager.LoadUserProfile()));
            }
            else
            {
                ours.Add(TimeitMedianUs(() => manager.LoadUserProfile()));
                pydantic.Add(PydanticMedianUs(script, manager.ProfilePath));
            }
        }

        var o = Median(ours);
        var p = Median(pydantic);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_ours_us={o:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_pydantic_us={p:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_speedup={p / o:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired_{key}_rounds={ours.Count}"));
    }

    private static double PydanticMedianUs(string script, string profilePath)
    {
        var output = ExternalTool.Run(AppContext.BaseDirectory, "python3", script, profilePath);
        var field = output.Split(' ', '\n').Single(f => f.StartsWith("pydantic_load_median_us=", StringComparison.Ordinal));
        return double.Parse(field[(field.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>timeit's method in .NET: the loop count doubles until a loop takes 0.2 s; 7 such loops; the median loop's mean.</summary>
    private static double TimeitMedianUs(Action operation)
    {
        var number = 1;
        while (true)
        {
            var elapsed = Loop(operation, number);
            if (elapsed >= TimeSpan.FromSeconds(0.2))
            {
                break;
            }

            number *= 2;
        }

        var repeats = new List<double>(7);
        for (var i = 0; i < 7; i++)
        {
            repeats.Add(Loop(operation, number).TotalMicroseconds / number);
        }

        return Median(repeats);
    }

    private static TimeSpan Loop(Action operation, int number)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < number; i++)
        {
            operation();
        }

        return Stopwatch.GetElapsedTime(started);
    }

    internal static void Pair(string key, int rounds, Action baseline, Action ours)
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

        // The same pairs cut into five consecutive blocks, each block's ratio of medians: how much the verdict drifts
        // with the machine's state within one run.
        if (rounds >= 50)
        {
            var size = rounds / 5;
            var blocks = Enumerable.Range(0, 5)
                .Select(block => Median(oursMs.GetRange(block * size, size)) / Median(baselineMs.GetRange(block * size, size)))
                .Select(ratio => ratio.ToString("F3", CultureInfo.InvariantCulture));
            Console.WriteLine($"paired_{key}_block_ratios={string.Join(',', blocks)}");
        }
    }

    private static double Measure(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
