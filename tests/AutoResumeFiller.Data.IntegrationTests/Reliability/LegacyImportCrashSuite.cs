using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using AutoResumeFiller.Data.IntegrationTests.Support;
using AutoResumeFiller.Data.TestFixtures;

namespace AutoResumeFiller.Data.IntegrationTests.Reliability;

/// <summary>
/// Issue 17: a child process imports the Python app's folder and is SIGKILLed at a random moment of the import (one or
/// two kills per cycle), then the import is run again. Every rerun must end with the full import (the profile, every
/// file, the newest MaxAutoBackups JSON backups as archives), nothing imported twice, no half-written file, and the
/// legacy folder byte-identical.
/// </summary>
public sealed class LegacyImportCrashSuite(ITestOutputHelper output) : IDisposable
{
    private const int LegacyBackups = 12;
    private const int MaxAutoBackups = 10;

    private readonly TempDirectory _temp = new("arf-legacy-crash");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void LegacyImport_SigkillAtRandomMoments_RerunCompletesWithoutDuplicatesAndLegacyFolderUnchanged()
    {
        var target = Stress.Count(50);
        var legacy = BuildLegacyFolder(_temp.Combine("legacy"));
        var warmUp = PythonAppFixture.CopyLegacyFolder(_temp.Combine("warm-up legacy"));
        var legacyBefore = Hashes(legacy);
        var expectedBackups = ExpectedBackupHashes(legacy);
        var random = new Random(20261203);
        var failures = new List<string>();
        int kills = 0, killedBeforeDone = 0, finishedBeforeKill = 0, tempsLeft = 0, reruns = 0;
        var importMs = Calibrate(legacy, warmUp).TotalMilliseconds;

        // Until 50 kills have landed inside an import (bounded: the machine may be too busy to aim well).
        var cycle = 0;
        for (; killedBeforeDone < target && cycle < target * 3; cycle++)
        {
            var root = _temp.Combine($"data-{cycle}");
            var killsThisCycle = cycle % 3 == 2 ? 2 : 1;
            for (var k = 0; k < killsThisCycle; k++)
            {
                using var child = TestHostProcess.Start(["legacy-import", root, legacy, warmUp, _temp.Combine("scratch")]);
                child.WaitForLine(l => l == "READY", TimeSpan.FromSeconds(60)).Should().BeTrue($"cycle {cycle}: the child starts; stderr: {child.Errors}");
                Thread.Sleep(TimeSpan.FromMilliseconds(random.NextDouble() * importMs));
                child.Kill();
                child.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();
                kills++;
                child.Lines.Should().NotContain(l => l.StartsWith("UNEXPECTED", StringComparison.Ordinal), $"cycle {cycle}: stderr: {child.Errors}");
                if (child.Lines.FirstOrDefault(l => l.StartsWith("DONE ", StringComparison.Ordinal)) is { } done)
                {
                    // Finished first: aim the next kills by how long imports take now (the machine's load varies).
                    finishedBeforeKill++;
                    importMs = (importMs * 3 + double.Parse(done[5..], System.Globalization.CultureInfo.InvariantCulture)) / 4;
                }
                else
                {
                    killedBeforeDone++;
                }
            }

            tempsLeft += DataDirectoryChecks.TempFiles(root).Count;
            var manager = Manager(root);
            manager.ImportLegacyData(legacy);
            reruns++;
            manager.InitializeDataDirectory(); // removes what the kills left half-written
            failures.AddRange(Check(manager, legacy, expectedBackups).Select(f => $"cycle {cycle}: {f}"));
            Hashes(legacy).Should().Equal(legacyBefore, $"cycle {cycle}: the legacy folder is only read");
            Directory.Delete(root, recursive: true);
        }

        Stress.Report(output, $"legacy import crash: {kills} kills in {cycle} cycles ({killedBeforeDone} mid-import, {finishedBeforeKill} after it finished), " +
            $"{reruns} reruns, {tempsLeft} temp files left by kills and cleaned, {failures.Count} failures; an import takes ~{importMs:0} ms");
        failures.Should().BeEmpty();
        killedBeforeDone.Should().BeGreaterThanOrEqualTo(target, "the import was killed mid-way at least this many times");
    }

    private static UserDataManager Manager(string root) => Managers.Create(root, o =>
    {
        o.LockTimeout = TimeSpan.FromSeconds(10);
        o.MaxAutoBackups = MaxAutoBackups;
    });

    /// <summary>Everything a complete, duplicate-free import leaves; each problem as a line.</summary>
    private static List<string> Check(UserDataManager manager, string legacy, HashSet<string> expectedBackups)
    {
        var problems = new List<string>();
        var legacyProfile = UserProfileSerializer.Deserialize(File.ReadAllBytes(Path.Combine(legacy, "user_profile.json")));
        var ours = manager.LoadUserProfile();
        legacyProfile.LastUpdated = ours.LastUpdated;
        if (!UserProfileSerializer.Serialize(ours).AsSpan().SequenceEqual(UserProfileSerializer.Serialize(legacyProfile)))
        {
            problems.Add("the profile is not the legacy one");
        }

        var backups = manager.ListAvailableBackups();
        var hashes = backups.Select(b => ProfileHash(b.Path)).ToList();
        if (hashes.Count != hashes.Distinct().Count() || !hashes.ToHashSet().SetEquals(expectedBackups) || backups.Any(b => b.Kind != BackupKind.Auto))
        {
            problems.Add($"backups: {string.Join(", ", backups.Select(b => b.FileName))}");
        }

        problems.AddRange(backups.Where(b => !manager.VerifyBackup(b.Path).IsValid).Select(b => $"{b.FileName} does not verify"));
        foreach (var file in Directory.EnumerateFiles(legacy, "*", SearchOption.AllDirectories).Where(f => !f.Contains("backups", StringComparison.Ordinal) && !f.EndsWith("user_profile.json", StringComparison.Ordinal)))
        {
            var ourCopy = Path.Combine(manager.DataDirectory, Path.GetRelativePath(legacy, file));
            if (!File.Exists(ourCopy) || !File.ReadAllBytes(ourCopy).AsSpan().SequenceEqual(File.ReadAllBytes(file)))
            {
                problems.Add($"{Path.GetRelativePath(legacy, file)} is missing or differs");
            }
        }

        problems.AddRange(DataDirectoryChecks.TempFiles(manager.DataDirectory).Select(t => $"temp file survived: {t}"));
        problems.AddRange(DataDirectoryChecks.ModeViolations(manager.DataDirectory));
        if (manager.ImportLegacyData(legacy)!.ImportedAnything)
        {
            problems.Add("a further run imported something again");
        }

        return problems;
    }

    /// <summary>One uninterrupted child run, timed from READY to DONE, to spread the kills over the import.</summary>
    private TimeSpan Calibrate(string legacy, string warmUp)
    {
        var root = _temp.Combine("calibration");
        using var child = TestHostProcess.Start(["legacy-import", root, legacy, warmUp, _temp.Combine("scratch")]);
        child.WaitForLine(l => l == "READY", TimeSpan.FromSeconds(60)).Should().BeTrue(child.Errors);
        var started = Stopwatch.GetTimestamp();
        child.WaitForLine(l => l.StartsWith("DONE", StringComparison.Ordinal), TimeSpan.FromSeconds(60)).Should().BeTrue(child.Errors);
        var elapsed = Stopwatch.GetElapsedTime(started);
        child.WaitForExit(TimeSpan.FromSeconds(30));
        Check(Manager(root), legacy, ExpectedBackupHashes(legacy)).Should().BeEmpty("an uninterrupted import is complete");
        return elapsed;
    }

    /// <summary>The fixture plus more JSON backups and resumes, so that an import takes long enough to be killed inside.</summary>
    private static string BuildLegacyFolder(string folder)
    {
        PythonAppFixture.CopyLegacyFolder(folder);
        var random = new Random(17);
        var profile = File.ReadAllText(Path.Combine(folder, "user_profile.json"));
        var first = new DateTime(2026, 10, 1, 8, 0, 0);
        for (var i = 0; i < LegacyBackups - 2; i++)
        {
            var name = $"auto_backup_{first.AddHours(i):yyyyMMdd_HHmmss}.json";
            File.WriteAllText(Path.Combine(folder, "backups", name), profile.Replace("dependable data systems", $"dependable data systems (v{i})", StringComparison.Ordinal));
        }

        for (var i = 0; i < 12; i++)
        {
            var content = new byte[16 * 1024];
            random.NextBytes(content);
            File.WriteAllBytes(Path.Combine(folder, "resumes", $"resume_{i:00}.pdf"), content);
        }

        Directory.CreateDirectory(Path.Combine(folder, "cover_letters", "2026"));
        File.WriteAllText(Path.Combine(folder, "cover_letters", "2026", "northwind.txt"), "Dear Northwind,\n");
        return folder;
    }

    /// <summary>The SHA-256 of the newest <see cref="MaxAutoBackups"/> legacy JSON backups (by the time in their names).</summary>
    private static HashSet<string> ExpectedBackupHashes(string legacy) =>
        [.. Directory.GetFiles(Path.Combine(legacy, "backups"), "auto_backup_*.json")
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Take(MaxAutoBackups)
            .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))];

    private static string ProfileHash(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry("user_profile.json")!.Open();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) + Encoding.UTF8.GetByteCount(f));
}
