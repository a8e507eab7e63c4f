using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Issue 4 on the real file system: a 100 MB manual backup, and restores that give back exact bytes.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public BackupRestoreTests()
    {
        _root = _temp.Combine("data");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BackupData_100MegabytesOfMixedFiles_CompletesAndVerifiesWithMatchingChecksums()
    {
        var manager = Managers.Initialized(_root);
        var files = GenerateMixedData(_root, totalBytes: 100L * 1024 * 1024, seed: 42);
        var progressReports = 0;
        var lastProgress = default(BackupProgress);
        var progress = new SynchronousProgress(p =>
        {
            progressReports++;
            lastProgress = p;
        });

        var backup = manager.BackupData("big", progress);

        var verification = manager.VerifyBackup(backup);
        verification.Problems.Should().BeEmpty();
        verification.IsValid.Should().BeTrue();
        verification.FilesChecked.Should().Be(files.Count + 1, "every generated file plus the profile");
        lastProgress!.BytesDone.Should().Be(lastProgress.BytesTotal);
        lastProgress.FilesDone.Should().Be(files.Count + 1);
        progressReports.Should().BeGreaterThan(files.Count);

        using var zip = ZipFile.OpenRead(backup);
        using var metadata = JsonDocument.Parse(zip.GetEntry("metadata.json")!.Open());
        var recorded = metadata.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => (Size: f.GetProperty("size_bytes").GetInt64(), Sha: f.GetProperty("sha256").GetString()!));
        foreach (var (relative, path) in files)
        {
            recorded.Should().ContainKey(relative);
            recorded[relative].Size.Should().Be(new FileInfo(path).Length);
            recorded[relative].Sha.Should().Be(DataDirectoryChecks.Sha256(path), $"the checksum of {relative} matches the file on disk");
        }

        metadata.RootElement.GetProperty("kind").GetString().Should().Be("manual");
        new FileInfo(backup).Length.Should().BeLessThan(100L * 1024 * 1024, "the text part is compressed");
        DataDirectoryChecks.ModeViolations(Path.Combine(_root, "backups")).Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_CorruptedProfileFromItsAutoBackup_GivesBackTheExactEarlierBytes()
    {
        var manager = Managers.Initialized(_root);
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("the good one", workEntries: 5));
        var good = File.ReadAllBytes(manager.ProfilePath);
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("the latest", workEntries: 2));
        File.WriteAllText(manager.ProfilePath, "{\"version\": \"1.0\", \"personal_info\": {\"first_na");

        var load = () => manager.LoadUserProfile();
        var corrupted = load.Should().Throw<ProfileCorruptedException>().Which;
        corrupted.Message.Should().StartWith("Failed to parse user_profile.json: ");
        var newestAuto = corrupted.AvailableBackups.First(b => b.Kind == BackupKind.Auto);

        manager.RestoreFromBackup(newestAuto.Path);

        File.ReadAllBytes(manager.ProfilePath).Should().Equal(good, "the auto backup taken before the last save holds the earlier bytes");
        manager.LoadUserProfile().Summary.Should().Be("the good one");
        DataDirectoryChecks.ModeViolations(_root).Should().BeEmpty();
        DataDirectoryChecks.TempFiles(_root).Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_ThenPreRestoreBackup_UndoesTheRestoreExactly()
    {
        var manager = Managers.Initialized(_root);
        File.WriteAllText(Path.Combine(_root, "config.yaml"), "theme: dark\n");
        File.WriteAllText(Path.Combine(_root, "resumes", "old.txt"), "old resume");
        var manual = manager.BackupData("before");
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("current", workEntries: 4));
        File.WriteAllText(Path.Combine(_root, "config.yaml"), "theme: light\n");
        File.Delete(Path.Combine(_root, "resumes", "old.txt"));
        File.WriteAllText(Path.Combine(_root, "resumes", "new.txt"), "new resume");
        var current = DataDirectoryChecks.Snapshot(_root);

        manager.RestoreFromBackup(manual);
        manager.LoadUserProfile().Summary.Should().Be("start");
        File.ReadAllText(Path.Combine(_root, "config.yaml")).Should().Be("theme: dark\n");
        File.Exists(Path.Combine(_root, "resumes", "new.txt")).Should().BeFalse();
        var preRestore = manager.LastPreRestoreBackupPath!;
        manager.VerifyBackup(preRestore).IsValid.Should().BeTrue();

        manager.RestoreFromBackup(preRestore);

        var undone = DataDirectoryChecks.Snapshot(_root);
        foreach (var key in new[] { Path.Combine("data", "user_profile.json"), "config.yaml", Path.Combine("resumes", "new.txt") })
        {
            undone[key].Should().Be(current[key], $"{key} is back to its bytes before the restore");
        }

        undone.Keys.Should().NotContain(Path.Combine("resumes", "old.txt"));
        DataDirectoryChecks.ModeViolations(Path.Combine(_root, "data")).Should().BeEmpty();
    }

    [Fact]
    public void BackupData_FileNamesDifferingOnlyInCase_VerifyAndRestoreOnCaseSensitiveFileSystems()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("names differing only in case are distinct files only on case-sensitive file systems (Linux)");
        }

        var manager = Managers.Initialized(_root);
        File.WriteAllText(Path.Combine(_root, "resumes", "CV.txt"), "upper");
        File.WriteAllText(Path.Combine(_root, "resumes", "cv.txt"), "lower");
        var backup = manager.BackupData("case");

        manager.VerifyBackup(backup).Problems.Should().BeEmpty("both files are real, distinct files of the user");
        File.Delete(Path.Combine(_root, "resumes", "CV.txt"));
        manager.RestoreFromBackup(backup);

        File.ReadAllText(Path.Combine(_root, "resumes", "CV.txt")).Should().Be("upper");
        File.ReadAllText(Path.Combine(_root, "resumes", "cv.txt")).Should().Be("lower");
    }

    /// <summary>
    /// About <paramref name="totalBytes"/> of files: 60% random (incompressible) .pdf/.docx, 40% generated text in
    /// resumes/ and cover_letters/, all 0600. Returns entry name → path.
    /// </summary>
    private static Dictionary<string, string> GenerateMixedData(string root, long totalBytes, int seed)
    {
        var random = new Random(seed);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        const int binarySize = 3 * 1024 * 1024;
        const int textSize = 1024 * 1024;
        var binaryCount = (int)(totalBytes * 6 / 10 / binarySize);
        var textCount = (int)(totalBytes * 4 / 10 / textSize);
        var buffer = new byte[binarySize];
        for (var i = 0; i < binaryCount; i++)
        {
            var folder = i % 2 == 0 ? "resumes" : "cover_letters";
            var name = $"{folder}/{(i % 3 == 0 ? "archive/" : "")}document-{i:D3}.{(i % 2 == 0 ? "pdf" : "docx")}";
            random.NextBytes(buffer);
            Write(name, buffer);
        }

        string[] words = ["experience", "engineering", "team", "delivered", "analysis", "customer", "platform", "design", "led", "improved", "the", "of", "and", "with", "performance", "data"];
        var text = new StringBuilder(textSize + 200);
        for (var i = 0; i < textCount; i++)
        {
            text.Clear();
            while (text.Length < textSize)
            {
                text.Append(words[random.Next(words.Length)]).Append(random.Next(12) == 0 ? ".\n" : " ");
            }

            var folder = i % 2 == 0 ? "resumes" : "cover_letters";
            Write($"{folder}/text/letter-{i:D3}.{(i % 2 == 0 ? "txt" : "md")}", Encoding.UTF8.GetBytes(text.ToString()));
        }

        return files;

        void Write(string entryName, byte[] content)
        {
            var path = Path.Combine(root, entryName.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, DataDirectoryChecks.PrivateFile);
            }

            files[entryName] = path;
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<BackupProgress> report) : IProgress<BackupProgress>
    {
        public void Report(BackupProgress value) => report(value);
    }
}
