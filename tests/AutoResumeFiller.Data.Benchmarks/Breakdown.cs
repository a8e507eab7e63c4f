using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.Benchmarks.Support;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Where a save's time goes: the median of each stage of a save of the typical and the large profile, run in turn
/// (validation, parsing, a whole load, serialization, the whole save with and without auto-backup, and the durable baseline) on the disk
/// given (for example /dev/shm, where fsync is free and only the CPU work remains). Prints <c>stage_SIZE_NAME_us=…</c>.
/// Not a target check: it shows what a change to the save path moved. <see cref="Loop"/> runs one stage of the large
/// profile for a while, to be recorded with <c>perf record</c>.
/// </summary>
internal static class Breakdown
{
    public static int Run(string folder, int rounds)
    {
        var root = Path.Combine(folder, "breakdown-" + Environment.ProcessId);
        try
        {
            foreach (var (size, profile) in new[] { ("30KB", ProfileGenerator.Typical()), ("1MB", ProfileGenerator.Large()) })
            {
                var bytes = UserProfileSerializer.Serialize(profile);
                var baselineFolder = Path.Combine(root, "baseline-" + size);
                Directory.CreateDirectory(baselineFolder);
                var plain = Manager(root, size, autoBackup: false, profile);
                var withBackup = Manager(root, size, autoBackup: true, profile);
                var stages = new (string Name, Action Run)[]
                {
                    ("validate", () => UserProfileValidator.Validate(profile)),
                    ("parse", Parse(bytes)),
                    ("load", Load(plain)),
                    ("serialize", () => UserProfileSerializer.Serialize(profile)),
                    ("baseline", () => DurableBaseline.Write(baselineFolder, Path.Combine(baselineFolder, "user_profile.json"), bytes)),
                    ("save_plain", () => plain.SaveUserProfile(profile)),
                    ("save_backup", () => withBackup.SaveUserProfile(profile)),
                };
                foreach (var stage in stages)
                {
                    // Past tiered compilation's call-count delay, so every stage runs optimized code.
                    var warm = Stopwatch.StartNew();
                    for (var i = 0; i < 50 || warm.ElapsedMilliseconds < 500; i++)
                    {
                        stage.Run();
                    }
                }

                var samples = stages.Select(_ => new List<double>()).ToArray();
                for (var round = 0; round < rounds; round++)
                {
                    for (var i = 0; i < stages.Length; i++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        stages[i].Run();
                        samples[i].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    }
                }

                for (var i = 0; i < stages.Length; i++)
                {
                    var sorted = samples[i].Order().ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stage_{size}_{stages[i].Name}_us={sorted[sorted.Count / 2]:F0}"));
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static UserDataManager Manager(string root, string size, bool autoBackup, UserProfile profile)
    {
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = Path.Combine(root, $"{size}-{autoBackup}"), AutoBackupEnabled = autoBackup });
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(profile);
        return manager;
    }

    /// <summary>
    /// Runs one stage (<c>validate</c>, <c>parse</c>, <c>load</c>, <c>serialize</c>, <c>save_plain</c> or
    /// <c>save_backup</c>) of the large profile for <paramref name="duration"/>; with the suffix <c>_typical</c>, of the 30 KB one.
    /// </summary>
    public static int Loop(string stage, string folder, TimeSpan duration)
    {
        // STAGE_typical runs the stage on the typical (30 KB) profile instead of the large one.
        var typical = stage.EndsWith("_typical", StringComparison.Ordinal);
        var profile = typical ? ProfileGenerator.Typical() : ProfileGenerator.Large();
        var size = typical ? "30KB" : "1MB";
        var root = Path.Combine(folder, "loop-" + Environment.ProcessId);
        try
        {
            Action run = (typical ? stage[..^"_typical".Length] : stage) switch
            {
                "validate" => () => UserProfileValidator.Validate(profile),
                "serialize" => () => UserProfileSerializer.Serialize(profile),
                "parse" => Parse(UserProfileSerializer.Serialize(profile)),
                "load" => Load(Manager(root, size, autoBackup: false, profile)),
                "save_plain" => Save(Manager(root, size, autoBackup: false, profile), profile),
                "save_backup" => Save(Manager(root, size, autoBackup: true, profile), profile),
                _ => throw new ArgumentException($"Unknown stage '{stage}'.", nameof(stage)),
            };
            var watch = Stopwatch.StartNew();
            var count = 0;
            for (; watch.Elapsed < duration; count++)
            {
                run();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loop_{stage}_us={watch.Elapsed.TotalMicroseconds / count:F0}"));
            return 0;
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static Action Parse(byte[] bytes) => () => UserProfileSerializer.Deserialize(bytes);

    private static Action Load(UserDataManager manager) => () => manager.LoadUserProfile();

    private static Action Save(UserDataManager manager, UserProfile profile) => () => manager.SaveUserProfile(profile);
}
