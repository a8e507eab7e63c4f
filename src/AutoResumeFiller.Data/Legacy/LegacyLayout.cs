using System.Globalization;
using System.IO.Abstractions;
using System.Text.RegularExpressions;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Legacy;

/// <summary>
/// The Python AutoResumeFiller app's own folder (DESIGN §8): <c>user_profile.json</c> at its root,
/// <c>backups/auto_backup_YYYYMMDD_HHMMSS.json</c> (local time), <c>config.yaml</c>, <c>resumes/</c>, <c>cover_letters/</c>.
/// </summary>
internal static partial class LegacyLayout
{
    public const string ProfileFileName = "user_profile.json";
    public const string BackupsFolderName = "backups";

    private const string StampFormat = "yyyyMMdd'_'HHmmss";

    /// <summary>
    /// The Python app's default folder: the same as ours on Windows and macOS; on Linux <c>AutoResumeFiller</c>
    /// (capital letters) under <c>$XDG_DATA_HOME</c> when it is set and absolute, else under <c>~/.local/share</c>.
    /// </summary>
    public static string GetDefault(PlatformEnvironment platform)
    {
        if (platform.Os != OSFamily.Linux)
        {
            return DataDirectoryResolver.GetDefault(platform);
        }

        var xdg = platform.GetEnvironmentVariable("XDG_DATA_HOME");
        var parent = !string.IsNullOrEmpty(xdg) && xdg.StartsWith('/')
            ? xdg.TrimEnd('/')
            : DataDirectoryResolver.ExpandHome("~", platform).TrimEnd('/') + "/.local/share";
        return parent + "/AutoResumeFiller";
    }

    /// <summary>The default folder when it holds a legacy profile; null otherwise (or when the platform's folders are unknown).</summary>
    public static string? Find(IFileSystem fileSystem, PlatformEnvironment platform)
    {
        string folder;
        try
        {
            folder = GetDefault(platform);
        }
        catch (UserDataException)
        {
            return null; // no home folder: there is no default folder to look in
        }

        return HasProfile(fileSystem, folder) ? folder : null;
    }

    /// <summary>Whether <paramref name="folder"/> holds a legacy profile at its root (a regular file, not a link).</summary>
    public static bool HasProfile(IFileSystem fileSystem, string folder)
    {
        try
        {
            var file = fileSystem.FileInfo.New(fileSystem.Path.Combine(folder, ProfileFileName));
            return file.Exists && file.LinkTarget is null;
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the local time in a legacy backup's name (<c>auto_backup_20261203_075841.json</c>) and converts it to UTC
    /// in <paramref name="localZone"/>; false for any other name. A time in a daylight-saving gap (which no clock showed)
    /// is taken with the zone's standard offset; an ambiguous one (the repeated hour) as standard time, as .NET does.
    /// </summary>
    public static bool TryParseBackupName(string fileName, TimeZoneInfo localZone, out DateTime utc)
    {
        utc = default;
        var match = BackupName().Match(fileName);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        utc = localZone.IsInvalidTime(local)
            ? DateTime.SpecifyKind(local - localZone.BaseUtcOffset, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, localZone);
        return true;
    }

    [GeneratedRegex(@"^auto_backup_(?<stamp>\d{8}_\d{6})\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupName();
}
