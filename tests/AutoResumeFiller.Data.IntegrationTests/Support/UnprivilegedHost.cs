namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>
/// Runs the test host as the unprivileged user 65534 (nobody) through setpriv, so permission bits apply even
/// though the tests run as root. The host's files are copied to a world-readable folder first.
/// </summary>
public static class UnprivilegedHost
{
    private static readonly Lazy<(string? Dll, string? Reason)> Prepared = new(Prepare);

    public static readonly string[] Setpriv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];

    /// <summary>Why the host cannot run unprivileged here, or <see langword="null"/>.</summary>
    public static string? UnavailableReason => Prepared.Value.Reason;

    public static string DllPath => Prepared.Value.Dll!;

    /// <summary>Runs a test host command as uid/gid 65534 and returns its protocol lines.</summary>
    public static IReadOnlyList<string> Run(params string[] arguments)
    {
        var (exitCode, lines, errors) = TestHostProcess.Run(arguments, TimeSpan.FromSeconds(60), Setpriv, DllPath);
        if (exitCode != 0 && !IsCoverageTeardownFailure(lines, errors))
        {
            throw new InvalidOperationException($"the unprivileged test host failed ({exitCode}): {errors}");
        }

        return lines;
    }

    /// <summary>
    /// Under code coverage (coverlet) the library in the test folder is instrumented and, at process exit, writes its
    /// hits to a root-owned temp folder, which uid 65534 may not: the child has answered by then, so that late
    /// failure is not the test's concern.
    /// </summary>
    private static bool IsCoverageTeardownFailure(IReadOnlyList<string> lines, string errors) =>
        lines.Any(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
        && errors.Contains("UnauthorizedAccessException: Access to the path '" + Path.Combine(Path.GetTempPath(), "AutoResumeFiller.Data_"), StringComparison.Ordinal);

    private static (string? Dll, string? Reason) Prepare()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "dropping to an unprivileged user with setpriv is done on Linux only");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return (null, "permission-denied checks need root (to drop to uid 65534 with setpriv); as a normal user the folders are our own");
        }

        if (Tmpfs.Run("setpriv", "--version").ExitCode != 0)
        {
            return (null, "setpriv (util-linux) is not installed");
        }

        // A world-readable copy of the host and its dependencies (the build output may sit in a private folder).
        var folder = Path.Combine(Path.GetTempPath(), $"arf-host-{Guid.NewGuid():N}");
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        Directory.CreateDirectory(folder, readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort at exit.
            }
        };
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(TestHostProcess.DllPath)!))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".dll", StringComparison.Ordinal) || name.StartsWith("AutoResumeFiller.Data.TestHost.", StringComparison.Ordinal))
            {
                var copy = Path.Combine(folder, name);
                File.Copy(file, copy);
                File.SetUnixFileMode(copy, readable);
            }
        }

        var dll = Path.Combine(folder, "AutoResumeFiller.Data.TestHost.dll");
        var probe = TestHostProcess.Run(["access", Path.Combine(folder, "no-such-data-dir"), "load"], TimeSpan.FromSeconds(60), Setpriv, dll);
        return (probe.ExitCode == 0 || IsCoverageTeardownFailure(probe.Lines, probe.Errors)) && probe.Lines.Any(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ? (dll, null)
            : (null, $"the dotnet host cannot run as uid 65534 here (exit {probe.ExitCode}): {probe.Errors}");
    }
}
