namespace AutoResumeFiller.Data.IO;

/// <summary>Resolves the data directory: explicit option → <c>AUTORESUMEFILLER_DATA_DIR</c> → platform default.</summary>
internal static class DataDirectoryResolver
{
    public const string EnvironmentVariable = "AUTORESUMEFILLER_DATA_DIR";

    public static string Resolve(string? configured, PlatformEnvironment platform, Func<string, string> getFullPath)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return getFullPath(ExpandHome(configured, platform));
        }

        var fromEnvironment = platform.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return getFullPath(ExpandHome(fromEnvironment, platform));
        }

        return GetDefault(platform);
    }

    public static string GetDefault(PlatformEnvironment platform)
    {
        switch (platform.Os)
        {
            case OSFamily.Windows:
                var appData = platform.GetFolderPath(Environment.SpecialFolder.ApplicationData);
                if (string.IsNullOrEmpty(appData))
                {
                    appData = platform.GetEnvironmentVariable("APPDATA");
                }

                return JoinWindows(RequireFolder(appData, "%APPDATA%"), "AutoResumeFiller");

            case OSFamily.MacOS:
                return JoinPosix(Home(platform), "Library", "Application Support", "AutoResumeFiller");

            default:
                var xdg = platform.GetEnvironmentVariable("XDG_DATA_HOME");

                // The XDG spec says relative values are invalid and must be ignored.
                if (!string.IsNullOrEmpty(xdg) && xdg.StartsWith('/'))
                {
                    return JoinPosix(xdg.TrimEnd('/'), "autoresumefiller");
                }

                return JoinPosix(Home(platform), ".local", "share", "autoresumefiller");
        }
    }

    /// <summary>Expands a leading <c>~</c> (alone, or followed by a separator) to the home folder.</summary>
    public static string ExpandHome(string path, PlatformEnvironment platform)
    {
        if (path == "~")
        {
            return Home(platform);
        }

        if (path.Length >= 2 && path[0] == '~' && (path[1] == '/' || (platform.IsWindows && path[1] == '\\')))
        {
            var home = Home(platform).TrimEnd('/', '\\');
            return home + (platform.IsWindows ? '\\' : '/') + path[2..];
        }

        return path;
    }

    private static string Home(PlatformEnvironment platform)
    {
        var home = platform.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            home = platform.GetEnvironmentVariable(platform.IsWindows ? "USERPROFILE" : "HOME");
        }

        return RequireFolder(home, "the home folder");
    }

    private static string RequireFolder(string? value, string what) =>
        string.IsNullOrEmpty(value)
            ? throw new UserDataException(
                $"Cannot determine the default data directory: {what} is not known.",
                $"Set {EnvironmentVariable} or UserDataManagerOptions.DataDirectory to choose a data directory.")
            : value;

    private static string JoinPosix(params string[] parts) =>
        parts[0].TrimEnd('/') + "/" + string.Join('/', parts.Skip(1));

    private static string JoinWindows(string root, string child) => root.TrimEnd('\\', '/') + "\\" + child;
}
