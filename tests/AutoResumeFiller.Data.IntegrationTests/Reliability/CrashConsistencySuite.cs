using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests.Reliability;

/// <summary>
/// Issue 6, suite 1: a child process saves, backs up and restores in a loop; the parent SIGKILLs it at a random
/// moment, hundreds of times. After every kill the profile must be exactly the last save the child reported
/// complete or the one it had started, every listed backup must verify, and the next initialization must clean
/// the temp files the kill left.
/// </summary>
public sealed class CrashConsistencySuite(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new("arf-crash");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CrashLoop_SigkillAtRandomMoments_LeavesLastCompleteOrStartedStateAndValidBackups()
    {
        var kills = Stress.Count(300);
        var root = _temp.Combine("data");
        var manager = Managers.Create(root, o =>
        {
            o.LockTimeout = TimeSpan.FromSeconds(10);
            o.MaxAutoBackups = 5;
        });
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("initial"));

        // Files beside the profile, so that full backups and restores write into resumes/ and cover_letters/ too.
        var resume = new byte[64 * 1024];
        new Random(7).NextBytes(resume);
        WritePrivate(Path.Combine(root, "resumes", "cv.pdf"), resume);
        WritePrivate(Path.Combine(root, "cover_letters", "letter.txt"), "Dear hiring manager,\n"u8.ToArray());
        var expected = "initial";
        var random = new Random(20260101);
        int corrupt = 0, lost = 0, staleTemp = 0, badBackups = 0, badModes = 0, tempsLeftByKills = 0, killedMidChange = 0, startedStateSeen = 0, opsCompleted = 0, backupsVerified = 0;
        var failures = new List<string>();
        TimeSpan startupTime = default, checkTime = default;

        for (var cycle = 0; cycle < kills; cycle++)
        {
            IReadOnlyList<string> lines;
            var started = Stopwatch.GetTimestamp();
            using (var child = TestHostProcess.Start(["crash-loop", root, cycle.ToString(CultureInfo.InvariantCulture), _temp.Combine("scratch")]))
            {
                child.WaitForLine(l => l == "READY", TimeSpan.FromSeconds(60)).Should().BeTrue($"cycle {cycle}: the child starts; stderr: {child.Errors}");
                startupTime += Stopwatch.GetElapsedTime(started);
                Thread.Sleep(random.Next(5, 61));
                child.Kill();
                child.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue($"cycle {cycle}: the killed child exits");
                lines = child.Lines;
                lines.Should().NotContain(l => l.StartsWith("UNEXPECTED", StringComparison.Ordinal), $"cycle {cycle}: the child never failed on its own; stderr: {child.Errors}");
            }

            var checkStarted = Stopwatch.GetTimestamp();
            var last = expected;
            string? pending = null;
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
                    opsCompleted++;
                }
            }

            if (pending is not null)
            {
                killedMidChange++;
            }

            tempsLeftByKills += DataDirectoryChecks.TempFiles(root).Count;
            try
            {
                var summary = manager.LoadUserProfile().Summary;
                if (summary == last || (pending is not null && summary == pending))
                {
                    startedStateSeen += summary == pending && pending != last ? 1 : 0;
                    expected = summary!;
                }
                else
                {
                    lost++;
                    failures.Add($"cycle {cycle}: profile '{summary}', expected '{last}' or '{pending}'");
                    expected = summary!;
                }
            }
            catch (UserDataException ex)
            {
                corrupt++;
                failures.Add($"cycle {cycle}: {ex.GetType().Name}: {ex.Message}");
                break;
            }

            foreach (var backup in manager.ListAvailableBackups())
            {
                backupsVerified++;
                var verification = manager.VerifyBackup(backup.Path);
                if (!verification.IsValid)
                {
                    badBackups++;
                    failures.Add($"cycle {cycle}: {backup.FileName}: {string.Join("; ", verification.Problems)}");
                }
            }

            manager.InitializeDataDirectory();
            if (DataDirectoryChecks.TempFiles(root) is { Count: > 0 } left)
            {
                staleTemp += left.Count;
                failures.Add($"cycle {cycle}: temp files survived initialization: {string.Join(", ", left)}");
            }

            if (DataDirectoryChecks.ModeViolations(root) is { Count: > 0 } modes)
            {
                badModes += modes.Count;
                failures.Add($"cycle {cycle}: {string.Join("; ", modes)}");
            }

            // Each child restores only from backups it made itself: drop the full ones to keep every cycle short.
            foreach (var backup in manager.ListAvailableBackups().Where(b => b.Kind != BackupKind.Auto))
            {
                File.Delete(backup.Path);
            }

            checkTime += Stopwatch.GetElapsedTime(checkStarted);
        }

        Stress.Report(output, $"crash: {kills} kills, {corrupt} corrupt, {lost} lost, {staleTemp} stale temp, {badBackups} bad backups, {badModes} bad modes " +
            $"({opsCompleted} changes completed, {killedMidChange} kills mid-change, {startedStateSeen} ended in the started state, {tempsLeftByKills} temp files left by kills and cleaned, {backupsVerified} backup verifications; " +
            $"{startupTime.TotalMilliseconds / kills:0} ms child start+warm-up, {checkTime.TotalMilliseconds / kills:0} ms checks per cycle)");
        failures.Should().BeEmpty();
        File.ReadAllBytes(Path.Combine(root, "resumes", "cv.pdf")).Should().Equal(resume, "every restore brought back the same resume");
        (corrupt + lost + staleTemp + badBackups + badModes).Should().Be(0);
        opsCompleted.Should().BeGreaterThan(kills / 2, "the children did real work between kills");
    }

    private static void WritePrivate(string path, byte[] content)
    {
        File.WriteAllBytes(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, DataDirectoryChecks.PrivateFile);
        }
    }
}
