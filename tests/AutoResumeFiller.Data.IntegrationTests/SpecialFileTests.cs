using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>Files that are not regular files (a named pipe) in the backed-up folders must not hang or break a backup.</summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task BackupData_NamedPipeInResumes_CompletesWithoutOpeningIt()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("named pipes in the file system (mkfifo) exist on Linux and macOS only");
        }

        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root);
        File.WriteAllText(Path.Combine(root, "resumes", "cv.txt"), "resume");
        var fifo = Path.Combine(root, "resumes", "pipe.txt");
        Tmpfs.Run("mkfifo", fifo).ExitCode.Should().Be(0);

        var backup = Task.Run(() => manager.BackupData("fifo"), TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(backup, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)) == backup;
        if (!finished)
        {
            // Unblock the reader stuck in open() so the test run does not keep a hung thread, then fail.
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            await backup.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        }

        finished.Should().BeTrue("a named pipe must not block the backup (and its shared lock) forever");
        var path = await backup;
        manager.VerifyBackup(path).IsValid.Should().BeTrue();
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo(["data/user_profile.json", "resumes/cv.txt", "resumes/pipe.txt", "metadata.json"]);
        zip.GetEntry("resumes/pipe.txt")!.Length.Should().Be(0, "what the listing saw: an empty file, stored without reading");
        zip.GetEntry("resumes/cv.txt")!.Length.Should().Be(6);
    }
}
