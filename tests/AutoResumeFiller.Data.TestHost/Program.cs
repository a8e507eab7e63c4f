using System.Globalization;
using AutoResumeFiller.Data;
using AutoResumeFiller.Data.TestHost;

// A child process for the integration tests. Each command prints plain lines on stdout; lines the parent
// parses end with " ." so that a line cut by SIGKILL is never mistaken for a complete one.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: <command> <dataDir> [args]");
    return 2;
}

var command = args[0];
var dataDir = args[1];
try
{
    return command switch
    {
        "hold-lock" => Commands.HoldLock(dataDir, args[2], int.Parse(args[3], CultureInfo.InvariantCulture)),
        "increment" => Commands.Increment(dataDir, int.Parse(args[2], CultureInfo.InvariantCulture)),
        "access" => Commands.Access(dataDir, args[2]),
        "crash-loop" => Commands.CrashLoop(dataDir, int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? args[3] : null),
        "legacy-import" => LegacyImport.Run(dataDir, args[2], args[3], args[4]),
        "encrypted-crash-loop" => EncryptedCrashLoop.Run(dataDir, int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4] == "migrate", args[5]),
        "mixed" => await Commands.MixedAsync(dataDir, int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args[4]).ConfigureAwait(false),
        _ => Usage(command),
    };
}
catch (Exception ex)
{
    Console.WriteLine($"UNEXPECTED {ex.GetType().FullName}: {ex.Message} .");
    Console.Error.WriteLine(ex);
    return 3;
}

static int Usage(string command)
{
    Console.Error.WriteLine($"unknown command '{command}'");
    return 2;
}

/// <summary>The commands of the test host.</summary>
internal static class Commands
{
    /// <summary>Opens the lock file the way the library does, prints READY, and holds it for <paramref name="seconds"/>.</summary>
    public static int HoldLock(string dataDir, string mode, int seconds)
    {
        var exclusive = mode == "exclusive";
        var lockPath = Path.Combine(dataDir, "data", ".user_profile.lock");
        using var held = new FileStream(
            lockPath,
            FileMode.OpenOrCreate,
            exclusive ? FileAccess.ReadWrite : FileAccess.Read,
            exclusive ? FileShare.None : FileShare.Read);
        Console.WriteLine("READY .");
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Console.WriteLine("RELEASED .");
        return 0;
    }

    /// <summary>Adds <paramref name="count"/> skills <c>inc-{pid}-{i}</c>, each through its own UpdateUserProfile.</summary>
    public static int Increment(string dataDir, int count)
    {
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dataDir, LockTimeout = TimeSpan.FromMinutes(2) });
        var pid = Environment.ProcessId;
        for (var i = 0; i < count; i++)
        {
            var skill = $"inc-{pid}-{i}";
            manager.UpdateUserProfile(p =>
            {
                p.Skills.Add(skill);
                return p;
            });
        }

        Console.WriteLine($"DONE {count} .");
        return 0;
    }

    /// <summary>Runs one operation and prints <c>RESULT OK</c> or <c>RESULT {exception type}</c>.</summary>
    public static int Access(string dataDir, string operation)
    {
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dataDir, LockTimeout = TimeSpan.FromSeconds(2), MinimumFreeDiskSpaceBytes = 0 });
        try
        {
            switch (operation)
            {
                case "load":
                    manager.LoadUserProfile();
                    break;
                case "save":
                    manager.SaveUserProfile(SampleProfiles.Valid("from an unprivileged user"));
                    break;
                case "init":
                    manager.InitializeDataDirectory();
                    foreach (var problem in manager.FolderProblems)
                    {
                        Console.WriteLine($"UNUSABLE {problem.Path} .");
                    }

                    break;
                case "update":
                    manager.UpdateUserProfile(p =>
                    {
                        p.Summary = "updated by an unprivileged user";
                        return p;
                    });
                    break;
                case "backup":
                    manager.BackupData("denied");
                    break;
                default:
                    throw new ArgumentException($"unknown operation '{operation}'", nameof(operation));
            }

            Console.WriteLine("RESULT OK .");
        }
        catch (UserDataException ex)
        {
            Console.WriteLine($"RESULT {ex.GetType().Name} {ex.Message.ReplaceLineEndings(" ")} .");
        }

        return 0;
    }

    /// <summary>
    /// Saves, backs up and restores in an endless loop until killed, announcing each profile change with
    /// <c>BEGIN {summary}</c> before and <c>END {summary}</c> after. With a scratch folder, a save is run there
    /// first (JIT warm-up), so kills land in steady-state operations rather than mostly in the first one.
    /// </summary>
    public static int CrashLoop(string dataDir, int seed, string? scratchDir)
    {
        if (scratchDir is not null)
        {
            WarmUp(scratchDir);
        }

        var random = new Random(seed);
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dataDir, LockTimeout = TimeSpan.FromSeconds(10), MaxAutoBackups = 5, MinimumFreeDiskSpaceBytes = 0 });
        var current = manager.LoadUserProfile().Summary;
        var backups = new List<(string Path, string? Summary)>();
        Console.WriteLine("READY .");
        for (var i = 0; ; i++)
        {
            var roll = random.Next(100);
            if (roll < 70 || (backups.Count == 0 && roll >= 85))
            {
                var summary = $"s{seed}-{i}";
                Console.WriteLine($"BEGIN {summary} .");
                manager.SaveUserProfile(SampleProfiles.Valid(summary, 1 + (i % 6)));
                Console.WriteLine($"END {summary} .");
                current = summary;
            }
            else if (roll < 85)
            {
                backups.Add((manager.BackupData("crash"), current));
            }
            else
            {
                var (path, summary) = backups[random.Next(backups.Count)];
                Console.WriteLine($"BEGIN {summary} .");
                manager.RestoreFromBackup(path);
                Console.WriteLine($"END {summary} .");
                backups.Add((manager.LastPreRestoreBackupPath!, current));
                current = summary;
            }
        }
    }

    private static void WarmUp(string scratchDir)
    {
        var scratch = new UserDataManager(new UserDataManagerOptions { DataDirectory = scratchDir, MinimumFreeDiskSpaceBytes = 0 });
        scratch.InitializeDataDirectory();
        scratch.SaveUserProfile(SampleProfiles.Valid("warm-up"));
        _ = scratch.LoadUserProfile();
        Directory.Delete(scratchDir, recursive: true);
    }

    /// <summary>
    /// <paramref name="count"/> random operations, sync and async. Mode <c>exact</c>: load, UpdateUserProfile adding a
    /// skill <c>inc-…</c> (printed), UpdateUserProfile editing the summary, manual backup. Mode <c>saves</c>: load,
    /// SaveUserProfile of a distinct profile (printed), manual backup. Every failure other than
    /// <see cref="DataLockTimeoutException"/> ends the process with exit code 3.
    /// </summary>
    public static async Task<int> MixedAsync(string dataDir, int count, int seed, string mode)
    {
        var random = new Random(seed);
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dataDir, MinimumFreeDiskSpaceBytes = 0 });
        var pid = Environment.ProcessId;
        int loads = 0, writes = 0, backups = 0, timeouts = 0;
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var useAsync = random.Next(2) == 0;
            try
            {
                if (roll < 30)
                {
                    var profile = useAsync ? await manager.LoadUserProfileAsync().ConfigureAwait(false) : manager.LoadUserProfile();
                    if (profile.PersonalInfo?.FirstName != "Ada")
                    {
                        throw new InvalidOperationException("a load returned a profile that was never saved");
                    }

                    loads++;
                }
                else if (roll < 80)
                {
                    var marker = $"p{pid}-{i}";
                    if (mode == "exact")
                    {
                        manager.UpdateUserProfile(p =>
                        {
                            if (roll < 65)
                            {
                                p.Skills.Add("inc-" + marker);
                            }
                            else
                            {
                                p.Summary = marker;
                            }

                            return p;
                        });
                        Console.WriteLine(roll < 65 ? $"INC inc-{marker} ." : $"SUMMARY {marker} .");
                    }
                    else
                    {
                        var profile = SampleProfiles.Valid(marker, 1 + (i % 4));
                        if (useAsync)
                        {
                            await manager.SaveUserProfileAsync(profile).ConfigureAwait(false);
                        }
                        else
                        {
                            manager.SaveUserProfile(profile);
                        }

                        Console.WriteLine($"SAVED {marker} .");
                    }

                    writes++;
                }
                else
                {
                    var path = useAsync ? await manager.BackupDataAsync("stress").ConfigureAwait(false) : manager.BackupData("stress");
                    Console.WriteLine($"BACKUP {path} .");
                    backups++;
                }
            }
            catch (DataLockTimeoutException)
            {
                timeouts++;
            }
        }

        Console.WriteLine($"RESULT loads={loads} writes={writes} backups={backups} timeouts={timeouts} .");
        return 0;
    }
}
