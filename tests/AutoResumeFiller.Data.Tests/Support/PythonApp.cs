using System.IO.Abstractions;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// The files the Python app wrote (tests/Fixtures/python-app, copied next to the tests) and variants built from them:
/// its data folder installed on a mock disk, and exports rebuilt with the app's metadata format (<c>checksum_sha256</c>,
/// naive <c>export_timestamp</c>, <c>missing_directories</c>).
/// </summary>
internal static class PythonApp
{
    public const string LinuxLegacyFolder = "/home/user/.local/share/AutoResumeFiller";

    public static byte[] ExportZip() => File.ReadAllBytes(TestFixtures.PythonAppFixture.ExportPath);

    /// <summary>Every file of the fixture's legacy folder, by path relative to it (with <c>/</c>).</summary>
    public static SortedDictionary<string, byte[]> LegacyFiles()
    {
        var root = TestFixtures.PythonAppFixture.LegacyFolder;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(root, path).Replace('\\', '/')] = File.ReadAllBytes(path);
        }

        return files;
    }

    public static byte[] LegacyProfile() => LegacyFiles()["user_profile.json"];

    /// <summary>Writes <paramref name="files"/> (default: the fixture's legacy folder) under <paramref name="folder"/>.</summary>
    public static void Install(IFileSystem fileSystem, string folder, IDictionary<string, byte[]>? files = null)
    {
        foreach (var (relative, content) in files ?? LegacyFiles())
        {
            var path = fileSystem.Path.Combine(folder, relative);
            fileSystem.Directory.CreateDirectory(fileSystem.Path.GetDirectoryName(path)!);
            fileSystem.File.WriteAllBytes(path, content);
        }
    }

    /// <summary>The fixture's legacy profile with one JSON value changed (a JSON path of object keys separated by '.').</summary>
    public static byte[] ProfileWith(string path, JsonNode? value)
    {
        var root = JsonNode.Parse(LegacyProfile())!;
        var keys = path.Split('.');
        var node = root;
        foreach (var key in keys[..^1])
        {
            node = int.TryParse(key, out var index) ? node[index]! : node[key]!;
        }

        node[keys[^1]] = value;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A legacy JSON backup name for a local time, as the app writes it.</summary>
    public static string BackupName(DateTime local) => $"backups/auto_backup_{local:yyyyMMdd_HHmmss}.json";

    /// <summary>The entries of the fixture's export (metadata.json excluded), by name.</summary>
    public static Dictionary<string, byte[]> ExportEntries()
    {
        using var zip = new ZipArchive(new MemoryStream(ExportZip()), ZipArchiveMode.Read);
        return zip.Entries
            .Where(e => e.FullName != "metadata.json")
            .ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return buffer.ToArray();
            });
    }

    /// <summary>
    /// An export in the app's format: <paramref name="entries"/>, with metadata describing <paramref name="recorded"/> (default:
    /// the entries themselves, so it is sound), the missing folders given, then edited by <paramref name="editMetadata"/>.
    /// </summary>
    public static byte[] BuildExport(
        IReadOnlyDictionary<string, byte[]> entries,
        IReadOnlyDictionary<string, byte[]>? recorded = null,
        IEnumerable<string>? missingDirectories = null,
        Action<JsonObject>? editMetadata = null)
    {
        var files = new JsonArray();
        foreach (var (name, content) in recorded ?? entries)
        {
            files.Add(new JsonObject
            {
                ["path"] = name,
                ["size_bytes"] = content.Length,
                ["checksum_sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            });
        }

        var metadata = new JsonObject
        {
            ["export_timestamp"] = "2026-12-03T07:58:42.912084",
            ["app_version"] = "1.0.0",
            ["total_size_bytes"] = (recorded ?? entries).Values.Sum(c => c.Length),
            ["file_count"] = files.Count,
            ["files"] = files,
            ["missing_directories"] = new JsonArray([.. (missingDirectories ?? []).Select(d => JsonValue.Create(d))]),
            ["notes"] = "API keys redacted for security",
        };
        editMetadata?.Invoke(metadata);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "metadata.json", Encoding.UTF8.GetBytes(metadata.ToJsonString()));
            foreach (var (name, content) in entries)
            {
                Write(zip, name, content);
            }
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
