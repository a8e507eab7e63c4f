using System.Collections.Concurrent;
using System.Diagnostics;

namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>
/// A running AutoResumeFiller.Data.TestHost child process (<c>dotnet TestHost.dll command args</c>). Lines ending
/// with <c>" ."</c> are complete protocol lines; they are collected in order and can be awaited.
/// </summary>
public sealed class TestHostProcess : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private TestHostProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Gets the path of the test host's dll, copied next to the tests by the project reference.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "host", "AutoResumeFiller.Data.TestHost.dll");

    /// <summary>Gets the complete protocol lines received so far (without the trailing <c>" ."</c>).</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Gets everything the child wrote on stderr so far.</summary>
    public string Errors => string.Join('\n', _errors);

    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet TestHost.dll</c>; <paramref name="prefix"/> (e.g. setpriv) runs in front of dotnet when given.</summary>
    public static TestHostProcess Start(IReadOnlyList<string> arguments, IReadOnlyList<string>? prefix = null, string? dllPath = null)
    {
        var all = new List<string>();
        string fileName;
        if (prefix is { Count: > 0 })
        {
            fileName = prefix[0];
            all.AddRange(prefix.Skip(1));
            all.Add(DotnetHost);
        }
        else
        {
            fileName = DotnetHost;
        }

        all.Add(dllPath ?? DllPath);
        all.AddRange(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        var host = new TestHostProcess(process);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                host._errors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The dotnet host running this test process (so children use the same runtime).</summary>
    public static string DotnetHost =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>Waits until a complete line satisfying <paramref name="match"/> arrives; false on timeout or exit.</summary>
    public bool WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var seen = 0;
        while (true)
        {
            var lines = Lines;
            for (; seen < lines.Count; seen++)
            {
                if (match(lines[seen]))
                {
                    return true;
                }
            }

            if (_process.HasExited)
            {
                _process.WaitForExit(); // Drains the output, so no line that was written is missed.
                return Lines.Skip(seen).Any(match);
            }

            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            _lineArrived.Wait(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits for exit (all output read); false on timeout, after killing the child.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            return false;
        }

        _process.WaitForExit(); // Drains the redirected streams.
        return true;
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL on Unix: no finally blocks, no flushes.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Runs a command to completion and returns its protocol lines; fails the test on timeout.</summary>
    public static (int ExitCode, IReadOnlyList<string> Lines, string Errors) Run(IReadOnlyList<string> arguments, TimeSpan? timeout = null, IReadOnlyList<string>? prefix = null, string? dllPath = null)
    {
        using var host = Start(arguments, prefix, dllPath);
        if (!host.WaitForExit(timeout ?? DefaultWait))
        {
            throw new TimeoutException($"test host '{string.Join(' ', arguments)}' did not finish in time; stderr: {host.Errors}");
        }

        return (host.ExitCode, host.Lines, host.Errors);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is not null && line.EndsWith(" .", StringComparison.Ordinal))
        {
            _lines.Enqueue(line[..^2]);
            try
            {
                _lineArrived.Release();
            }
            catch (ObjectDisposedException)
            {
                // A line that arrives after disposal has no one waiting for it.
            }
        }
    }
}
