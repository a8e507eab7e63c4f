using System.Collections.Concurrent;
using System.Globalization;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests.Reliability;

/// <summary>
/// Issue 6, suite 2: many processes and threads on one data directory. Every operation completes or fails with
/// <see cref="DataLockTimeoutException"/>, every load sees a valid profile, UpdateUserProfile loses no increment,
/// every backup verifies.
/// </summary>
public sealed class ConcurrencySuite(ITestOutputHelper output) : IDisposable
{
    private const int Processes = 8;
    private readonly TempDirectory _temp = new("arf-concurrency");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EightProcesses_MixedLoadUpdateBackup_NoLostIncrementAndAllBackupsVerify()
    {
        var operations = Stress.Count(50);
        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root);

        var results = RunChildren(root, operations, "exact");

        var increments = results.SelectMany(r => r.Lines).Where(l => l.StartsWith("INC ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        var summaries = results.SelectMany(r => r.Lines).Where(l => l.StartsWith("SUMMARY ", StringComparison.Ordinal)).Select(l => l[8..]).Append("start").ToHashSet();
        var final = manager.LoadUserProfile();
        var stored = final.Skills.Where(s => s.StartsWith("inc-", StringComparison.Ordinal)).ToList();
        var (backups, badBackups) = VerifyAll(manager);
        var totals = Totals(results);
        Stress.Report(output, $"concurrency (processes, updates): {Processes} processes x {operations} ops, {totals.Loads} loads, {totals.Writes} updates ({increments.Count} increments, {stored.Count} stored), " +
            $"{totals.Backups} manual backups, {totals.Timeouts} lock timeouts, 0 other errors, {backups} backups verified, {badBackups} bad");

        stored.Should().BeEquivalentTo(increments, "every reported increment is stored exactly once, and nothing else");
        stored.Should().OnlyHaveUniqueItems();
        summaries.Should().Contain(final.Summary!);
        badBackups.Should().Be(0);
        (totals.Loads + totals.Writes + totals.Backups + totals.Timeouts).Should().Be(Processes * operations);
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();
        DataDirectoryChecks.TempFiles(root).Should().BeEmpty();
    }

    [Fact]
    public void EightProcesses_MixedLoadSaveBackup_FinalProfileIsOneThatWasSaved()
    {
        var operations = Stress.Count(50);
        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root);

        var results = RunChildren(root, operations, "saves");

        var saved = results.SelectMany(r => r.Lines).Where(l => l.StartsWith("SAVED ", StringComparison.Ordinal)).Select(l => l[6..]).Append("start").ToHashSet();
        var final = manager.LoadUserProfile();
        var (backups, badBackups) = VerifyAll(manager);
        var totals = Totals(results);
        Stress.Report(output, $"concurrency (processes, saves): {Processes} processes x {operations} ops, {totals.Loads} loads, {totals.Writes} saves, {totals.Backups} manual backups, " +
            $"{totals.Timeouts} lock timeouts, 0 other errors, {backups} backups verified, {badBackups} bad");

        saved.Should().Contain(final.Summary!, "the profile on disk is one of the saved ones, never a mix");
        badBackups.Should().Be(0);
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();
        DataDirectoryChecks.TempFiles(root).Should().BeEmpty();
    }

    [Fact]
    public async Task Threads_SyncAndAsyncMixed_NoLostIncrementAndOnlyLockTimeouts()
    {
        var perThread = Stress.Count(50);
        const int threads = 8;
        var root = _temp.Combine("data");
        var shared = Managers.Initialized(root, o => o.LockTimeout = TimeSpan.FromSeconds(5));
        var increments = new ConcurrentBag<string>();
        var unexpected = new ConcurrentBag<string>();
        int loads = 0, writes = 0, backups = 0, timeouts = 0;

        var workers = Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            // Half the workers share one manager, half have their own: both must coordinate through the OS lock.
            var manager = t % 2 == 0 ? shared : Managers.Create(root, o => o.LockTimeout = TimeSpan.FromSeconds(5));
            var random = new Random(t);
            for (var i = 0; i < perThread; i++)
            {
                var roll = random.Next(100);
                try
                {
                    if (roll < 30)
                    {
                        var profile = roll % 2 == 0 ? await manager.LoadUserProfileAsync() : manager.LoadUserProfile();
                        profile.PersonalInfo!.FirstName.Should().Be("Ada");
                        Interlocked.Increment(ref loads);
                    }
                    else if (roll < 70)
                    {
                        var skill = $"inc-t{t}-{i}";
                        manager.UpdateUserProfile(p =>
                        {
                            p.Skills.Add(skill);
                            return p;
                        });
                        increments.Add(skill);
                        Interlocked.Increment(ref writes);
                    }
                    else if (roll < 85)
                    {
                        var current = await manager.LoadUserProfileAsync();
                        current.Summary = $"t{t}-{i}";
                        await manager.SaveUserProfileAsync(current);
                        Interlocked.Increment(ref writes);
                    }
                    else
                    {
                        var path = roll % 2 == 0 ? await manager.BackupDataAsync("threads") : manager.BackupData("threads");
                        File.Exists(path).Should().BeTrue();
                        Interlocked.Increment(ref backups);
                    }
                }
                catch (DataLockTimeoutException)
                {
                    Interlocked.Increment(ref timeouts);
                }
                catch (Exception ex)
                {
                    unexpected.Add($"{ex.GetType().Name}: {ex.Message}");
                }
            }
        }, TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        // Plain saves (load, edit, save) are last-writer-wins by contract, so they may overwrite increments that
        // landed between their load and save; what must hold is that nothing else is ever lost or invented.
        var stored = shared.LoadUserProfile().Skills.Where(s => s.StartsWith("inc-", StringComparison.Ordinal)).ToList();
        var (verified, bad) = VerifyAll(shared);
        Stress.Report(output, $"concurrency (threads): {threads} threads x {perThread} ops, {loads} loads, {writes} writes ({increments.Count} increments, {stored.Count} stored), " +
            $"{backups} manual backups, {timeouts} lock timeouts, {unexpected.Count} other errors, {verified} backups verified, {bad} bad");

        unexpected.Should().BeEmpty();
        stored.Should().OnlyHaveUniqueItems().And.BeSubsetOf(increments);
        bad.Should().Be(0);
        DataDirectoryChecks.ModeViolations(root).Should().BeEmpty();
        DataDirectoryChecks.TempFiles(root).Should().BeEmpty();
    }

    [Fact]
    public async Task Threads_UpdatesOnly_TotalIsExact()
    {
        var perThread = Stress.Count(25);
        const int threads = 8;
        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root, o => o.LockTimeout = TimeSpan.FromSeconds(30));

        var workers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            var own = t % 2 == 0 ? manager : Managers.Create(root, o => o.LockTimeout = TimeSpan.FromSeconds(30));
            for (var i = 0; i < perThread; i++)
            {
                var skill = $"inc-t{t}-{i}";
                own.UpdateUserProfile(p =>
                {
                    p.Skills.Add(skill);
                    return p;
                });
            }
        }, TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        var stored = manager.LoadUserProfile().Skills.Count(s => s.StartsWith("inc-", StringComparison.Ordinal));
        Stress.Report(output, $"concurrency (threads, updates only): {threads} threads x {perThread} updates, {stored} stored");
        stored.Should().Be(threads * perThread);
    }

    private static List<(IReadOnlyList<string> Lines, int ExitCode, string Errors)> RunChildren(string root, int operations, string mode)
    {
        var children = Enumerable.Range(0, Processes)
            .Select(i => TestHostProcess.Start(["mixed", root, operations.ToString(CultureInfo.InvariantCulture), ((mode == "exact" ? 1000 : 2000) + i).ToString(CultureInfo.InvariantCulture), mode]))
            .ToList();
        try
        {
            var results = new List<(IReadOnlyList<string>, int, string)>();
            foreach (var child in children)
            {
                child.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue("every child finishes");
                var unexpected = child.Lines.Where(l => l.StartsWith("UNEXPECTED", StringComparison.Ordinal)).ToList();
                unexpected.Should().BeEmpty($"only DataLockTimeoutException may fail an operation; stderr: {child.Errors}");
                child.ExitCode.Should().Be(0, child.Errors);
                results.Add((child.Lines, child.ExitCode, child.Errors));
            }

            return results;
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    private static (int Loads, int Writes, int Backups, int Timeouts) Totals(List<(IReadOnlyList<string> Lines, int ExitCode, string Errors)> results)
    {
        int loads = 0, writes = 0, backups = 0, timeouts = 0;
        foreach (var line in results.SelectMany(r => r.Lines).Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal)))
        {
            var values = line[7..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
            loads += values["loads"];
            writes += values["writes"];
            backups += values["backups"];
            timeouts += values["timeouts"];
        }

        return (loads, writes, backups, timeouts);
    }

    private static (int Verified, int Bad) VerifyAll(UserDataManager manager)
    {
        var all = manager.ListAvailableBackups();
        var bad = all.Count(b => !manager.VerifyBackup(b.Path).IsValid);
        return (all.Count, bad);
    }
}
