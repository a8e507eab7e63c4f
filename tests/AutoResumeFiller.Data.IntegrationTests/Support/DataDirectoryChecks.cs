using System.Security.Cryptography;

namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>Checks of a real data directory shared by the integration tests and the reliability suites.</summary>
public static class DataDirectoryChecks
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Every folder under (and including) <paramref name="root"/> that is not 0700 and every file that is not 0600; links are not followed.</summary>
    public static List<string> ModeViolations(string root)
    {
        var problems = new List<string>();
        if (OperatingSystem.IsWindows())
        {
            return problems;
        }

        Check(root, isFolder: true);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (entry.LinkTarget is null)
            {
                Check(entry.FullName, entry is DirectoryInfo);
            }
        }

        return problems;

        void Check(string path, bool isFolder)
        {
            var mode = File.GetUnixFileMode(path);
            var expected = isFolder ? PrivateFolder : PrivateFile;
            if (mode != expected)
            {
                problems.Add($"{path}: {Octal(mode)} instead of {Octal(expected)}");
            }
        }
    }

    /// <summary>Temp files of interrupted writes anywhere under <paramref name="root"/>.</summary>
    public static List<string> TempFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })];

    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A snapshot (relative path → SHA-256, or "dir"/"link") of everything under <paramref name="root"/>.</summary>
    public static SortedDictionary<string, string> Snapshot(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, entry.FullName);
            result[relative] = entry.LinkTarget is { } target ? "link→" + target : entry is DirectoryInfo ? "dir" : Sha256(entry.FullName);
        }

        return result;
    }
}
