using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>Fake <see cref="PlatformEnvironment"/>s: any OS, chosen environment variables and special folders.</summary>
internal static class ManagerPlatforms
{
    public const string LinuxHome = "/home/user";
    public const string MacHome = "/Users/user";
    public const string WindowsHome = @"C:\Users\user";
    public const string WindowsAppData = @"C:\Users\user\AppData\Roaming";

    /// <summary>A platform with the usual home (and %APPDATA% on Windows), no environment variables unless given.</summary>
    public static PlatformEnvironment Create(
        OSFamily os,
        IReadOnlyDictionary<string, string>? environment = null,
        string? home = null,
        string? appData = null)
    {
        home ??= os switch
        {
            OSFamily.Windows => WindowsHome,
            OSFamily.MacOS => MacHome,
            _ => LinuxHome,
        };
        appData ??= os == OSFamily.Windows ? WindowsAppData : "";
        return Create(os, environment ?? new Dictionary<string, string>(), folder => folder switch
        {
            Environment.SpecialFolder.UserProfile => home,
            Environment.SpecialFolder.ApplicationData => appData,
            _ => "",
        });
    }

    public static PlatformEnvironment Create(OSFamily os, IReadOnlyDictionary<string, string> environment, Func<Environment.SpecialFolder, string> folders) => new()
    {
        Os = os,
        GetEnvironmentVariable = name => environment.TryGetValue(name, out var value) ? value : null,
        GetFolderPath = folders,
    };
}
