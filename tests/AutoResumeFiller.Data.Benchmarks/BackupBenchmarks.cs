using AutoResumeFiller.Data.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Manual backup, verification and restore of a generated data directory (60% already-compressed files, 40% text),
/// at 25 MB and 100 MB with the same number of files, each beside Info-ZIP on the same files in the same run:
/// <c>zip -6 -r</c>, <c>unzip -t</c> and <c>unzip -o</c>.
/// </summary>
[Config(typeof(HeavyOperationsConfig))]
public class BackupBenchmarks
{
    private const string BackupName = "bench";
    private string _dataSet = "";
    private string _scratch = "";
    private string _sourceBackup = "";
    private string _restoreCopy = "";
    private UserDataManager _manager = null!;
    private UserDataManager _restoreManager = null!;

    [Params(25, 100)]
    public int SizeMB { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        _dataSet = DataSet.Ensure(SizeMB);
        _scratch = Path.Combine(DataSet.Root, "backup-" + Environment.ProcessId);
        Directory.CreateDirectory(_scratch);
        _manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = _dataSet });
        RemoveBackups(_manager, "*");
        _sourceBackup = _manager.BackupData("source");
        var verification = _manager.VerifyBackup(_sourceBackup);
        if (!verification.IsValid)
        {
            throw new InvalidOperationException("The source backup is invalid: " + string.Join("; ", verification.Problems));
        }

        _restoreCopy = Path.Combine(_scratch, "restore-copy");
        DataSet.Copy(_dataSet, _restoreCopy);
        _restoreManager = new UserDataManager(new UserDataManagerOptions { DataDirectory = _restoreCopy });
        Console.WriteLine($"// data set {SizeMB} MB: {DataSet.ContentBytes(_dataSet)} bytes backed up, archive {new FileInfo(_sourceBackup).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        RemoveBackups(_manager, "*");
        Directory.Delete(_scratch, recursive: true);
    }

    [IterationSetup(Targets = [nameof(ZipBaseline), nameof(Backup), nameof(UnzipBaseline), nameof(Restore)])]
    public void IterationSetup()
    {
        RemoveBackups(_manager, BackupName + "_*");
        RemoveBackups(_restoreManager, "pre_restore_*");
        foreach (var leftover in new[] { Path.Combine(_scratch, "zip6.zip"), Path.Combine(_scratch, "unzipped") })
        {
            if (File.Exists(leftover))
            {
                File.Delete(leftover);
            }
            else if (Directory.Exists(leftover))
            {
                Directory.Delete(leftover, recursive: true);
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Backup baseline: zip -6 -r (Info-ZIP)")]
    [BenchmarkCategory("Backup")]
    public void ZipBaseline() =>
        ExternalTool.Run(_dataSet, "zip", "-6", "-r", "-q", Path.Combine(_scratch, "zip6.zip"), "data/user_profile.json", "config.yaml", "resumes", "cover_letters");

    [Benchmark(Description = "BackupData (deflate 6 + SHA-256 + fsync)")]
    [BenchmarkCategory("Backup")]
    public string Backup() => _manager.BackupData(BackupName);

    [Benchmark(Baseline = true, Description = "Verify baseline: unzip -t (CRC-32)")]
    [BenchmarkCategory("Verify")]
    public void UnzipTestBaseline() => ExternalTool.Run(_scratch, "unzip", "-t", "-q", _sourceBackup);

    [Benchmark(Description = "VerifyBackup (SHA-256 of every file)")]
    [BenchmarkCategory("Verify")]
    public bool Verify() => _manager.VerifyBackup(_sourceBackup).IsValid;

    [Benchmark(Baseline = true, Description = "Restore baseline: unzip -o into an empty folder")]
    [BenchmarkCategory("Restore")]
    public void UnzipBaseline() => ExternalTool.Run(_scratch, "unzip", "-o", "-q", _sourceBackup, "-d", Path.Combine(_scratch, "unzipped"));

    [Benchmark(Description = "RestoreFromBackup (verify + pre-restore backup + atomic replace)")]
    [BenchmarkCategory("Restore")]
    public void Restore() => _restoreManager.RestoreFromBackup(_sourceBackup);

    private static void RemoveBackups(UserDataManager manager, string pattern)
    {
        if (!Directory.Exists(manager.BackupsDirectory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(manager.BackupsDirectory, pattern + ".zip"))
        {
            File.Delete(file);
        }
    }
}
