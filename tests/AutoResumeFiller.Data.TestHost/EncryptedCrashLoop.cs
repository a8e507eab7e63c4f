namespace AutoResumeFiller.Data.TestHost;

/// <summary>
/// The child of the encrypted crash suite (issue 19): with a key file, optionally encrypts the existing plaintext data
/// first (<c>MIGRATE</c>/<c>MIGRATED</c>), then saves, backs up, restores and rotates the key in an endless loop until
/// killed, announcing each profile change with <c>BEGIN {summary}</c> before and <c>END {summary}</c> after.
/// </summary>
internal static class EncryptedCrashLoop
{
    public static int Run(string dataDir, int seed, string keyFile, bool migrate, string scratchDir)
    {
        WarmUp(scratchDir);
        var random = new Random(seed);
        var manager = new UserDataManager(new UserDataManagerOptions
        {
            DataDirectory = dataDir,
            LockTimeout = TimeSpan.FromSeconds(10),
            MaxAutoBackups = 5,
            MinimumFreeDiskSpaceBytes = 0,
            Encryption = EncryptionKeyProviders.KeyFile(keyFile),
        });
        var current = manager.LoadUserProfile().Summary;
        var backups = new List<(string Path, string? Summary)>();
        Console.WriteLine("READY .");
        if (migrate)
        {
            manager.EncryptExistingData();
            Console.WriteLine("MIGRATED .");
        }

        for (var i = 0; ; i++)
        {
            var roll = random.Next(100);
            if (roll < 55 || (backups.Count == 0 && roll is >= 70 and < 85))
            {
                var summary = $"e{seed}-{i}";
                Console.WriteLine($"BEGIN {summary} .");
                manager.SaveUserProfile(SampleProfiles.Valid(summary, 1 + (i % 6)));
                Console.WriteLine($"END {summary} .");
                current = summary;
            }
            else if (roll < 70)
            {
                backups.Add((manager.BackupData("crash"), current));
            }
            else if (roll < 85)
            {
                var (path, summary) = backups[random.Next(backups.Count)];
                Console.WriteLine($"BEGIN {summary} .");
                manager.RestoreFromBackup(path);
                Console.WriteLine($"END {summary} .");
                backups.Add((manager.LastPreRestoreBackupPath!, current));
                current = summary;
            }
            else
            {
                manager.RotateEncryptionKey();
                Console.WriteLine("ROTATED .");
            }
        }
    }

    private static void WarmUp(string scratchDir)
    {
        var scratch = new UserDataManager(new UserDataManagerOptions
        {
            DataDirectory = Path.Combine(scratchDir, "data"),
            MinimumFreeDiskSpaceBytes = 0,
            Encryption = EncryptionKeyProviders.KeyFile(Path.Combine(scratchDir, "keys", "ring.json")),
        });
        scratch.InitializeDataDirectory();
        scratch.SaveUserProfile(SampleProfiles.Valid("warm-up"));
        scratch.BackupData("warm-up");
        _ = scratch.LoadUserProfile();
        Directory.Delete(scratchDir, recursive: true);
    }
}
