using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Temp files of an interrupted restore land where the next initialization or save removes them.</summary>
public sealed class StaleTempFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RestoreFromBackup_TempFilesOfResumesAndCoverLetters_AreCreatedInDataWhereCleanupLooks()
    {
        var root = _temp.Combine("data");
        var created = new List<string>();
        var fileSystem = new PlantingFileSystem(path => path.EndsWith(".tmp", StringComparison.Ordinal), created.Add);
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = root, MinimumFreeDiskSpaceBytes = 0 }, fileSystem);
        manager.InitializeDataDirectory();
        Directory.CreateDirectory(Path.Combine(root, "resumes", "2024"));
        File.WriteAllText(Path.Combine(root, "resumes", "2024", "cv.pdf"), "resume");
        File.WriteAllText(Path.Combine(root, "cover_letters", "letter.txt"), "letter");
        File.WriteAllText(Path.Combine(root, "config.yaml"), "theme: dark\n");
        var backup = manager.BackupData("full");
        fileSystem.Enabled = true;

        manager.RestoreFromBackup(backup);

        var restoreTemps = created.Where(p => !Path.GetFileName(p).StartsWith(".pre_restore_", StringComparison.Ordinal)).ToList();
        restoreTemps.Should().HaveCount(4, "profile, config.yaml, the resume and the letter are each written through a temp file");
        restoreTemps.Should().OnlyContain(p => Path.GetDirectoryName(p) == Path.Combine(root, "data"), "data/ is where stale temp files are cleaned");
        File.ReadAllText(Path.Combine(root, "resumes", "2024", "cv.pdf")).Should().Be("resume");
        DataDirectoryChecks.TempFiles(root).Should().BeEmpty();
    }
}
