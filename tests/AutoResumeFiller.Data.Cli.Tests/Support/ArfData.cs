using System.Diagnostics;

namespace AutoResumeFiller.Data.Cli.Tests.Support;

/// <summary>
/// Runs the real tool (<c>dotnet arf-data.dll</c>, copied to tool/ next to the tests, see tests/ChildProcess.targets) as a child process with redirected
/// output, against a temp data directory. <c>AUTORESUMEFILLER_DATA_DIR</c> points at another temp folder, so a
/// run never touches the real home even when <c>--data-dir</c> is left out.
/// </summary>
public sealed class ArfData : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public ArfData()
    {
        Root = Path.Combine(Path.GetTempPath(), $"arf-cli-{Guid.NewGuid():N}");
        DataDir = Path.Combine(Root, "data dir é");
        EnvDataDir = Path.Combine(Root, "env-data-dir");
        Directory.CreateDirectory(Root);
    }

    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "tool", "arf-data.dll");

    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "sample_profile.json");

    /// <summary>Gets the temp folder holding everything this instance creates.</summary>
    public string Root { get; }

    /// <summary>Gets the data directory passed with <c>--data-dir</c> by <see cref="Run"/> (with a space and a non-ASCII letter).</summary>
    public string DataDir { get; }

    /// <summary>Gets the data directory <c>AUTORESUMEFILLER_DATA_DIR</c> names.</summary>
    public string EnvDataDir { get; }

    public string ProfilePath => Path.Combine(DataDir, "data", "user_profile.json");

    public string LockPath => Path.Combine(DataDir, "data", ".user_profile.lock");

    public string BackupsDir => Path.Combine(DataDir, "backups");

    /// <summary>Runs <c>arf-data --data-dir DataDir ARGS</c>.</summary>
    public CliResult Run(params string[] args) => RunRaw(["--data-dir", DataDir, .. args]);

    /// <summary>Runs <c>arf-data ARGS</c> with no data directory option.</summary>
    public CliResult RunRaw(IEnumerable<string> args, string? workingDirectory = null) => Execute(DotnetHost(), [ToolPath, .. args], workingDirectory);

    /// <summary>Runs any program with this instance's environment (used to wrap the tool in <c>script</c> or <c>setpriv</c>).</summary>
    public CliResult Execute(string fileName, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Process.Start(StartInfo(fileName, args, workingDirectory, environment)) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s.");
        }

        return new CliResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Starts <c>arf-data --data-dir DataDir ARGS</c> without waiting, for commands that run until stopped (<c>watch</c>).</summary>
    public Process Start(params string[] args) =>
        Process.Start(StartInfo(DotnetHost(), [ToolPath, "--data-dir", DataDir, .. args], null, null)) ?? throw new InvalidOperationException("Could not start arf-data.");

    private ProcessStartInfo StartInfo(string fileName, IEnumerable<string> args, string? workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AUTORESUMEFILLER_DATA_DIR"] = EnvDataDir;
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Initializes the data directory and imports the sample (which makes one auto backup of the empty profile), asserting both succeed.</summary>
    public void InitWithSample()
    {
        var init = Run("init");
        init.ExitCode.Should().Be(0, init.ToString());
        var import = Run("import", "--sample");
        import.ExitCode.Should().Be(0, import.ToString());
    }

    /// <summary>Makes a manual backup and returns its path.</summary>
    public string Backup(string name = "manual")
    {
        var result = Run("backup", "--name", name);
        result.ExitCode.Should().Be(0, result.ToString());
        return Directory.GetFiles(BackupsDir, name + "_*.zip").Should().ContainSingle().Subject;
    }

    /// <summary>Writes a file under <see cref="Root"/> and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
