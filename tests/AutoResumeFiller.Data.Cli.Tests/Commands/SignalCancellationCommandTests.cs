using System.Diagnostics;
using System.Globalization;
using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM sent to the real tool while a backup or an export is writing its temp file: the tool
/// exits 130 / 143 with one "Cancelled" line, and no temp file (nor archive) is left behind.
/// </summary>
public sealed class SignalCancellationCommandTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>Random (incompressible) bytes in resumes/ per attempt: enough that deflating them takes a good fraction of a second.</summary>
    private static readonly int[] AttemptMegabytes = [32, 128, 384];

    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Backup_SignalWhileWritingTheArchive_ExitsWithTheSignalsCodeAndLeavesNoTempFile(string signal, int expectedExitCode)
    {
        SkipUnlessPosix();
        _arf.InitWithSample();
        var before = Directory.GetFileSystemEntries(_arf.BackupsDir);

        var result = InterruptMidWrite(_arf.BackupsDir, signal, "backup");

        // Process.ExitCode reports a death by signal as 128+N too, so the exit code alone cannot tell the tool exited
        // itself: the Cancelled line (never printed by a killed process) and the missing temp file do.
        result.ExitCode.Should().Be(expectedExitCode, result.ToString());
        result.StdErr.Trim().Should().Be("error: Cancelled; nothing was left half-written.", "one line says so; " + result);
        Directory.GetFileSystemEntries(_arf.BackupsDir).Should().BeEquivalentTo(before, "the cancelled backup's temp file is removed and no archive is made");
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void Export_SignalWhileWritingTheArchive_ExitsWithTheSignalsCodeAndLeavesNothingBesideTheTarget(string signal, int expectedExitCode)
    {
        SkipUnlessPosix();
        _arf.InitWithSample();
        var usb = Path.Combine(_arf.Root, "usb");
        Directory.CreateDirectory(usb);

        var result = InterruptMidWrite(usb, signal, "export", Path.Combine(usb, "arf-export.zip"));

        result.ExitCode.Should().Be(expectedExitCode, result.ToString());
        result.StdErr.Trim().Should().Be("error: Cancelled; nothing was left half-written.", "one line says so; " + result);
        Directory.GetFileSystemEntries(usb).Should().BeEmpty("the temp file beside the export (holding the profile) is removed, outside the data directory too");
    }

    private static void SkipUnlessPosix()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("the signal is sent with kill(1), which this test only uses on Linux and macOS (Windows has no SIGINT/SIGTERM to send to a child)");
        }
    }

    /// <summary>
    /// Runs the command and sends the signal once its temp file appears in <paramref name="tempFolder"/>. When the command
    /// finished before the signal arrived, tries again with more data; fails when even the largest attempt was too fast.
    /// </summary>
    private CliResult InterruptMidWrite(string tempFolder, string signal, params string[] args)
    {
        var resumes = Path.Combine(_arf.DataDir, "resumes");
        var written = 0;
        var outcomes = new List<string>();
        foreach (var megabytes in AttemptMegabytes)
        {
            WriteRandomFile(Path.Combine(resumes, $"big-{megabytes}.bin"), megabytes - written);
            written = megabytes;
            using var process = _arf.Start(args);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                var sawTemp = WaitForTempFile(tempFolder, process);
                if (sawTemp)
                {
                    SendSignal(process, signal);
                }

                process.WaitForExit(Wait).Should().BeTrue($"arf-data {string.Join(' ', args)} ends after SIG{signal}");
                var result = new CliResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
                if (sawTemp && result.ExitCode != 0)
                {
                    return result;
                }

                // Finished before the signal could interrupt it: not a pass, a reason to try with more data.
                result.ExitCode.Should().Be(0, result.ToString());
                outcomes.Add($"{megabytes} MB: finished before the signal (temp file seen: {sawTemp})");
                RemoveFinishedArchives(tempFolder);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }

        Assert.Fail("The command always finished before it could be interrupted: " + string.Join("; ", outcomes));
        return null!;
    }

    /// <summary>Polls for a <c>*.tmp</c> file; false when the process ended first (the temp file came and went unseen).</summary>
    private static bool WaitForTempFile(string folder, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Wait)
        {
            if (Directory.GetFiles(folder, "*.tmp").Length > 0)
            {
                return true;
            }

            if (process.HasExited)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        throw new TimeoutException($"No temp file appeared in {folder} within {Wait.TotalSeconds} s.");
    }

    private static void SendSignal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0, $"kill -{signal} reaches the tool");
    }

    /// <summary>Removes what an uninterrupted run made, so the next attempt starts from the same state.</summary>
    private static void RemoveFinishedArchives(string folder)
    {
        foreach (var archive in Directory.GetFiles(folder, "*.zip").Where(p => !Path.GetFileName(p).StartsWith("auto_backup_", StringComparison.Ordinal)))
        {
            File.Delete(archive);
        }
    }

    private static void WriteRandomFile(string path, int megabytes)
    {
        var chunk = new byte[1024 * 1024];
        using var file = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            Random.Shared.NextBytes(chunk);
            file.Write(chunk);
        }
    }
}
