using System.Globalization;
using AutoResumeFiller.Data.Benchmarks.Support;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Issue 19's targets (DESIGN §6), paired as <see cref="PairedRuns"/> pairs: the same operation on a plaintext and on an
/// encrypted data directory, alternating, so both see the same disk. Prints <c>paired_enc_KEY_ratio=…</c> (encrypted ÷
/// plaintext): save and load of the realistic 30 KB profile (target ≤ 1.2), a manual backup of the 100 MB data set
/// (target ≤ 1.3), and the peak resident memory of an encrypted 100 MB backup (flat: compare with <c>--peak-memory</c>).
/// </summary>
internal static class EncryptionRuns
{
    public static int Run(IReadOnlyList<string> only)
    {
        bool Wanted(string key) => only.Count == 0 || only.Any(o => key.StartsWith(o, StringComparison.Ordinal));
        var root = Path.Combine(DataSet.Root, "encryption-" + Environment.ProcessId);
        try
        {
            var profile = ProfileGenerator.Typical();
            foreach (var backup in new[] { false, true })
            {
                var key = $"enc_save_30KB_{(backup ? "backup" : "plain")}";
                if (Wanted(key))
                {
                    var (plain, encrypted) = Pair(root, key, o => o.AutoBackupEnabled = backup);
                    plain.SaveUserProfile(profile);
                    encrypted.SaveUserProfile(profile);
                    PairedRuns.Pair(key, 300, () => plain.SaveUserProfile(profile), () => encrypted.SaveUserProfile(profile));
                }
            }

            if (Wanted("enc_load_30KB"))
            {
                var (plain, encrypted) = Pair(root, "enc_load_30KB", o => o.AutoBackupEnabled = false);
                plain.SaveUserProfile(profile);
                encrypted.SaveUserProfile(profile);
                PairedRuns.Pair("enc_load_30KB", 2000, () => plain.LoadUserProfile(), () => encrypted.LoadUserProfile());
            }

            if (Wanted("enc_backup_100MB"))
            {
                var plainDir = Path.Combine(root, "backup-plain");
                var encryptedDir = Path.Combine(root, "backup-encrypted");
                DataSet.Copy(DataSet.Ensure(100), plainDir);
                DataSet.Copy(DataSet.Ensure(100), encryptedDir);
                var plain = new UserDataManager(new UserDataManagerOptions { DataDirectory = plainDir });
                var encrypted = new UserDataManager(new UserDataManagerOptions { DataDirectory = encryptedDir, Encryption = EncryptionKeyProviders.KeyFile(Path.Combine(root, "keys-backup", "ring.json")) });
                encrypted.EncryptExistingData();
                PairedRuns.Pair("enc_backup_100MB", 6, () => File.Delete(plain.BackupData("bench")), () => File.Delete(encrypted.BackupData("bench")));
            }

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

    /// <summary>Peak memory of one encrypted manual backup of <paramref name="megabytes"/> MB, in a fresh process.</summary>
    public static int PeakMemory(int megabytes)
    {
        var root = Path.Combine(DataSet.Root, "encryption-peak-" + Environment.ProcessId);
        try
        {
            var dataDir = Path.Combine(root, "data");
            DataSet.Copy(DataSet.Ensure(megabytes), dataDir);
            var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dataDir, Encryption = EncryptionKeyProviders.KeyFile(Path.Combine(root, "keys", "ring.json")) });
            manager.EncryptExistingData();
            _ = manager.ListAvailableBackups();
            var rssBefore = Benchmarks.PeakMemory.HighWaterMarkKb();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            manager.BackupData("peak");
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var rssAfter = Benchmarks.PeakMemory.HighWaterMarkKb();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_encrypted size_mb={megabytes} rss_hwm_before_kb={rssBefore} rss_hwm_after_kb={rssAfter} allocated_bytes={allocated}"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (UserDataManager Plain, UserDataManager Encrypted) Pair(string root, string key, Action<UserDataManagerOptions> configure)
    {
        var plainOptions = new UserDataManagerOptions { DataDirectory = Path.Combine(root, key, "plain") };
        var encryptedOptions = new UserDataManagerOptions
        {
            DataDirectory = Path.Combine(root, key, "encrypted"),
            Encryption = EncryptionKeyProviders.KeyFile(Path.Combine(root, key, "keys", "ring.json")),
        };
        configure(plainOptions);
        configure(encryptedOptions);
        var plain = new UserDataManager(plainOptions);
        var encrypted = new UserDataManager(encryptedOptions);
        plain.InitializeDataDirectory();
        encrypted.InitializeDataDirectory();
        return (plain, encrypted);
    }
}
