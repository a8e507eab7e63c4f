using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AutoResumeFiller.Data.Cli.Tests.Support;

namespace AutoResumeFiller.Data.Cli.Tests.Commands;

/// <summary><c>arf-data watch</c> as a real process: a line per save by another process, stopped by SIGINT or SIGTERM with exit code 0.</summary>
public sealed class WatchCommandTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly ArfData _arf = new();

    public void Dispose() => _arf.Dispose();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Watch_Json_PrintsOneLinePerSaveAndExitsZeroOnSignal(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("sending SIGINT/SIGTERM to a child process is done with kill(1), which this test only uses on Linux and macOS");
        }

        _arf.InitWithSample();
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = _arf.DataDir, MinimumFreeDiskSpaceBytes = 0 });
        using var watch = new WatchProcess(_arf.Start("watch", "--json"));
        watch.WaitForReady();

        var profile = manager.LoadUserProfile();
        profile.Summary = "first";
        manager.SaveUserProfile(profile);
        var first = watch.NextLine();
        profile.Summary = "second";
        manager.SaveUserProfile(profile);
        var second = watch.NextLine();
        var exitCode = watch.Stop(signal);

        exitCode.Should().Be(0, watch.Errors);
        using var firstJson = JsonDocument.Parse(first);
        firstJson.RootElement.GetProperty("last_updated").GetDateTime().Should().NotBe(default);
        firstJson.RootElement.GetProperty("time").GetString().Should().EndWith("Z");
        firstJson.RootElement.GetProperty("profile_path").GetString().Should().Be(_arf.ProfilePath);
        firstJson.RootElement.TryGetProperty("who", out _).Should().BeFalse("who made a change is not known, so it is left out");
        using var secondJson = JsonDocument.Parse(second);
        secondJson.RootElement.GetProperty("last_updated").GetDateTime().ToUniversalTime().Should().Be(manager.LoadUserProfile().LastUpdated);
        watch.RemainingLines().Should().BeEmpty("two saves give two lines");
    }

    [Fact]
    public void Watch_Text_PrintsAReadableLineAndTheWatchedPathOnStandardError()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("stopping the child with SIGINT uses kill(1), which this test only uses on Linux and macOS");
        }

        _arf.InitWithSample();
        using var watch = new WatchProcess(_arf.Start("watch"));
        watch.WaitForReady();

        var import = _arf.Run("import", "--sample");
        import.ExitCode.Should().Be(0, import.ToString());
        var line = watch.NextLine();
        var exitCode = watch.Stop("INT");

        exitCode.Should().Be(0, watch.Errors);
        line.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z  profile changed, last_updated \d{4}-\d\d-\d\dT[0-9:.]+Z$");
        watch.Errors.Should().Contain($"Watching {_arf.ProfilePath} for changes (Ctrl+C to stop)");
    }

    /// <summary>The running <c>watch</c> child: its stdout lines queued, its stderr kept.</summary>
    private sealed class WatchProcess : IDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<string> _lines = [];
        private readonly ConcurrentQueue<string> _errors = new();
        private readonly ManualResetEventSlim _ready = new();

        public WatchProcess(Process process)
        {
            _process = process;
            process.StandardInput.Close();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    _lines.Add(e.Data);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                _errors.Enqueue(e.Data);
                if (e.Data.Contains("Watching", StringComparison.Ordinal))
                {
                    _ready.Set();
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Errors => string.Join('\n', _errors);

        public void WaitForReady() => _ready.Wait(Wait).Should().BeTrue($"watch announces itself on stderr; stderr so far: {Errors}");

        public string NextLine()
        {
            _lines.TryTake(out var line, Wait).Should().BeTrue($"a change line was expected; stderr: {Errors}");
            return line!;
        }

        public IReadOnlyList<string> RemainingLines()
        {
            _lines.CompleteAdding();
            return [.. _lines];
        }

        /// <summary>Sends SIG<paramref name="signal"/> and returns the exit code.</summary>
        public int Stop(string signal)
        {
            using (var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            _process.WaitForExit(Wait).Should().BeTrue("watch stops on SIG" + signal);
            _process.WaitForExit(); // Drains the redirected output.
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
            _lines.Dispose();
            _ready.Dispose();
        }
    }
}
