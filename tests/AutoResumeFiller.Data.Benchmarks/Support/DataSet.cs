using System.Globalization;
using System.Text;

namespace AutoResumeFiller.Data.Benchmarks.Support;

/// <summary>
/// A generated data directory of a given size: about 60% already-compressed files (random bytes named .pdf and
/// .docx, which no compressor can shrink) and 40% realistic text (.txt, .md, .html), plus the profile and
/// config.yaml. The file count is the same at every size, so allocation differences between sizes come from the
/// data's size alone. Generated once per version into the temp folder and reused by every benchmark process.
/// </summary>
internal static class DataSet
{
    public const int CompressedFiles = 48;
    public const int TextFiles = 72;
    private const int Version = 1;

    public static string Root => Path.Combine(Path.GetTempPath(), "arf-bench");

    /// <summary>Returns the cached data directory of <paramref name="megabytes"/> MB, generating it first if needed.</summary>
    public static string Ensure(int megabytes)
    {
        var final = Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"dataset-v{Version}-{megabytes}mb"));
        if (Directory.Exists(final))
        {
            return final;
        }

        var partial = final + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        Generate(partial, megabytes * 1024L * 1024L);
        Directory.Move(partial, final);
        return final;
    }

    /// <summary>A private copy of <paramref name="source"/> (for benchmarks that change the data directory).</summary>
    public static void Copy(string source, string destination)
    {
        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, folder)));
        }

        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
        }
    }

    public static long ContentBytes(string dataDirectory) =>
        new[] { "resumes", "cover_letters" }
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(dataDirectory, f), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(dataDirectory, "config.yaml"))
            .Append(Path.Combine(dataDirectory, "data", "user_profile.json"))
            .Sum(f => new FileInfo(f).Length);

    private static void Generate(string directory, long totalBytes)
    {
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = directory, AutoBackupEnabled = false });
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(ProfileGenerator.Typical());

        var random = new Random(42);
        var text = new TextGenerator(seed: 7);
        File.WriteAllText(Path.Combine(directory, "config.yaml"), Config(text));

        var compressedSizes = Split(random, (long)(totalBytes * 0.6), CompressedFiles);
        var textSizes = Split(random, (long)(totalBytes * 0.4), TextFiles);
        var buffer = new byte[1024 * 1024];
        for (var i = 0; i < CompressedFiles; i++)
        {
            var folder = i % 3 == 0 ? "cover_letters" : "resumes";
            var extension = i % 2 == 0 ? "pdf" : "docx";
            var path = Path.Combine(directory, folder, string.Create(CultureInfo.InvariantCulture, $"{(i % 4 == 0 ? "archive/" : "")}document_{i:D3}.{extension}"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = File.Create(path);
            for (var left = compressedSizes[i]; left > 0; left -= buffer.Length)
            {
                random.NextBytes(buffer);
                stream.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
            }
        }

        string[] extensions = ["txt", "md", "html"];
        for (var i = 0; i < TextFiles; i++)
        {
            var folder = i % 2 == 0 ? "cover_letters" : "resumes";
            var path = Path.Combine(directory, folder, string.Create(CultureInfo.InvariantCulture, $"{(i % 5 == 0 ? "notes/" : "")}letter_{i:D3}.{extensions[i % 3]}"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
            text.WriteDocument(writer, textSizes[i]);
        }
    }

    private static long[] Split(Random random, long total, int parts)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var sum = weights.Sum();
        var sizes = weights.Select(w => (long)(total * w / sum)).ToArray();
        sizes[^1] += total - sizes.Sum();
        return sizes;
    }

    private static string Config(TextGenerator text)
    {
        var builder = new StringBuilder("# AutoResumeFiller settings\n");
        for (var i = 0; i < 60; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"setting_{i}: \"{text.Sentence(3, 8)}\"\n");
        }

        return builder.ToString();
    }
}
