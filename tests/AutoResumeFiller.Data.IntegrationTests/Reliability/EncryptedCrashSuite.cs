using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests.Reliability;

/// <summary>
/// Issue 19: the crash suite with encryption on. A child process encrypts a plaintext directory (every fifth cycle),
/// then saves, backs up, restores and rotates the key until the parent SIGKILLs it at a random moment. After every
/// kill the profile must load as the last completed or the started change, every backup must verify, a rerun of
/// EncryptExistingData must finish an interrupted migration, and no byte under the data directory may hold a field of
/// the profile in plaintext (temp files, backups and restore staging included).
/// </summary>
public sealed class EncryptedCrashSuite(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new("arf-enc-crash");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EncryptedCrashLoop_SigkillAtRandomMoments_EveryFileReadableAndNoPlaintext()
    {
        var kills = Stress.Count(100);
        var root = _temp.Combine("data");
        var keyFile = _temp.Combine("keys", "ring.json");
        var manager = Managers.Create(root, o =>
        {
            o.LockTimeout = TimeSpan.FromSeconds(10);
            o.MaxAutoBackups = 5;
            o.Encryption = EncryptionKeyProviders.KeyFile(keyFile);
        });
        var expected = "";
        var random = new Random(20261203);
        int unreadable = 0, lost = 0, badBackups = 0, plaintextFiles = 0, migrations = 0, migrationsKilled = 0, opsCompleted = 0, rotations = 0, killedMidChange = 0, backupsVerified = 0;
        var failures = new List<string>();
        var cycleTime = TimeSpan.Zero;

        for (var cycle = 0; cycle < kills; cycle++)
        {
            var started = Stopwatch.GetTimestamp();
            var migrate = cycle % 5 == 0;
            if (migrate)
            {
                expected = ResetToPlaintext(root, cycle);
                migrations++;
            }

            IReadOnlyList<string> lines;
            using (var child = TestHostProcess.Start(["encrypted-crash-loop", root, cycle.ToString(CultureInfo.InvariantCulture), keyFile, migrate ? "migrate" : "no", _temp.Combine("scratch")]))
            {
                child.WaitForLine(l => l == "READY", TimeSpan.FromSeconds(60)).Should().BeTrue($"cycle {cycle}: the child starts; stderr: {child.Errors}");
                Thread.Sleep(random.Next(2, 50));
                child.Kill();
                child.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue($"cycle {cycle}: the killed child exits");
                lines = child.Lines;
                lines.Should().NotContain(l => l.StartsWith("UNEXPECTED", StringComparison.Ordinal), $"cycle {cycle}: the child never failed on its own; stderr: {child.Errors}");
            }

            migrationsKilled += migrate && !lines.Contains("MIGRATED") ? 1 : 0;
            rotations += lines.Count(l => l == "ROTATED");
            var (last, pending, completed) = Track(lines, expected);
            opsCompleted += completed;
            killedMidChange += pending is null ? 0 : 1;
            try
            {
                var summary = manager.LoadUserProfile().Summary!;
                if (summary != last && summary != pending)
                {
                    lost++;
                    failures.Add($"cycle {cycle}: profile '{summary}', expected '{last}' or '{pending}'");
                }

                expected = summary;
                foreach (var backup in manager.ListAvailableBackups())
                {
                    backupsVerified++;
                    if (manager.VerifyBackup(backup.Path) is { IsValid: false } verification)
                    {
                        badBackups++;
                        failures.Add($"cycle {cycle}: {backup.FileName}: {string.Join("; ", verification.Problems)}");
                    }
                }

                manager.EncryptExistingData();
                manager.InitializeDataDirectory();
            }
            catch (UserDataException ex)
            {
                unreadable++;
                failures.Add($"cycle {cycle}: {ex.GetType().Name}: {ex.Message}");
                break;
            }

            if (PlaintextScan.Hits(root) is { Count: > 0 } hits)
            {
                plaintextFiles += hits.Count;
                failures.Add($"cycle {cycle}: plaintext profile fields in {string.Join(", ", hits)}");
            }

            foreach (var backup in manager.ListAvailableBackups().Where(b => b.Kind != BackupKind.Auto))
            {
                File.Delete(backup.Path);
            }

            cycleTime += Stopwatch.GetElapsedTime(started);
        }

        manager.RotateEncryptionKey();
        var ringKeys = EncryptionKeyProviders.KeyFile(keyFile).GetKeyRing().Keys.Count;
        Stress.Report(output, $"encrypted crash: {kills} kills, {unreadable} unreadable, {lost} lost, {badBackups} bad backups, {plaintextFiles} plaintext files " +
            $"({opsCompleted} changes completed, {killedMidChange} kills mid-change, {migrations} migrations of which {migrationsKilled} killed and finished by a rerun, " +
            $"{rotations} key rotations completed, {backupsVerified} backup verifications, {ringKeys} key(s) in the ring after a last rotation; {cycleTime.TotalMilliseconds / kills:0} ms per cycle)");
        failures.Should().BeEmpty();
        (unreadable + lost + badBackups + plaintextFiles).Should().Be(0);
        opsCompleted.Should().BeGreaterThan(kills / 4, "the children did real work between kills");
        ringKeys.Should().Be(1, "old keys are dropped once no file uses them");
        manager.LoadUserProfile().Summary.Should().Be(expected);
    }

    /// <summary>Replaces the data directory by a plaintext one (profile, two auto backups, a manual one) for the child to encrypt.</summary>
    private static string ResetToPlaintext(string root, int cycle)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var plain = Managers.Create(root);
        plain.InitializeDataDirectory();
        plain.SaveUserProfile(TestHost.SampleProfiles.Valid($"plain{cycle}-a"));
        plain.BackupData("plain");
        plain.SaveUserProfile(TestHost.SampleProfiles.Valid($"plain{cycle}-b"));
        File.WriteAllBytes(Path.Combine(root, "resumes", "cv.pdf"), new byte[4096]);
        return $"plain{cycle}-b";
    }

    private static (string Last, string? Pending, int Completed) Track(IReadOnlyList<string> lines, string last)
    {
        string? pending = null;
        var completed = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("BEGIN ", StringComparison.Ordinal))
            {
                pending = line[6..];
            }
            else if (line.StartsWith("END ", StringComparison.Ordinal))
            {
                last = line[4..];
                pending = null;
                completed++;
            }
        }

        return (last, pending, completed);
    }
}
