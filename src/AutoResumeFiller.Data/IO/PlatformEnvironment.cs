using System.Runtime.InteropServices;

namespace AutoResumeFiller.Data.IO;

/// <summary>The operating system family the data directory rules depend on.</summary>
internal enum OSFamily
{
    Windows,
    MacOS,
    Linux,
}

/// <summary>
/// The platform facts the library reads (OS, environment variables, special folders), injectable so the
/// Windows, macOS and Linux rules can be tested on any machine.
/// </summary>
internal sealed class PlatformEnvironment
{
    public required OSFamily Os { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public required Func<Environment.SpecialFolder, string> GetFolderPath { get; init; }

    public bool IsWindows => Os == OSFamily.Windows;

    public static PlatformEnvironment Current { get; } = new()
    {
        Os = OperatingSystem.IsWindows() ? OSFamily.Windows
            : OperatingSystem.IsMacOS() ? OSFamily.MacOS
            : OSFamily.Linux,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        GetFolderPath = folder => Environment.GetFolderPath(folder, Environment.SpecialFolderOption.DoNotVerify),
    };

    /// <summary>Whether this process runs on the platform it describes (native calls are allowed only then).</summary>
    public bool IsNative => Os switch
    {
        OSFamily.Windows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows),
        OSFamily.MacOS => RuntimeInformation.IsOSPlatform(OSPlatform.OSX),
        _ => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.FreeBSD),
    };
}
