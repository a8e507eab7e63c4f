namespace AutoResumeFiller.Data.Cli.Tests.Support;

/// <summary>What the real-OS checks (a full disk, access denied) need: root on Linux.</summary>
public static class Privileges
{
    public static string? RootOnLinuxUnavailableReason(string what) =>
        !OperatingSystem.IsLinux() ? $"{what} is only set up on Linux"
        : !Environment.IsPrivilegedProcess ? $"{what} needs root (to mount a tmpfs or switch to an unprivileged user)"
        : null;

    public static (int ExitCode, string Output) Run(ArfData arf, string fileName, params string[] args)
    {
        var result = arf.Execute(fileName, args);
        return (result.ExitCode, result.AllOutput);
    }
}
