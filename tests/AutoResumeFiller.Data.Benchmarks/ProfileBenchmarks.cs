using AutoResumeFiller.Data.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Load and save of a typical (~30 KB) and a very large (~1 MB) profile on the real file system, each beside its
/// physical floor: for load, reading the file's bytes; for save, a bare durable replace of the same bytes
/// (write, fsync, rename, folder fsync).
/// </summary>
[Config(typeof(FastOperationsConfig))]
public class ProfileBenchmarks
{
    private string _root = "";
    private string _baselineFolder = "";
    private string _baselineTarget = "";
    private UserDataManager _plain = null!;
    private UserDataManager _withBackup = null!;
    private UserProfile _profile = null!;
    private byte[] _bytes = [];

    [Params("30KB", "1MB")]
    public string Size { get; set; } = "30KB";

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(DataSet.Root, "profile-" + Environment.ProcessId);
        _profile = Size == "1MB" ? ProfileGenerator.Large() : ProfileGenerator.Typical();

        _plain = new UserDataManager(new UserDataManagerOptions { DataDirectory = Path.Combine(_root, "plain"), AutoBackupEnabled = false });
        _plain.InitializeDataDirectory();
        _plain.SaveUserProfile(_profile);

        _withBackup = new UserDataManager(new UserDataManagerOptions { DataDirectory = Path.Combine(_root, "with-backup"), AutoBackupEnabled = true });
        _withBackup.InitializeDataDirectory();
        _withBackup.SaveUserProfile(_profile);

        _bytes = UserProfileSerializer.Serialize(_profile);
        _baselineFolder = Path.Combine(_root, "baseline", "data");
        Directory.CreateDirectory(_baselineFolder);
        _baselineTarget = Path.Combine(_baselineFolder, "user_profile.json");
        DurableBaseline.Write(_baselineFolder, _baselineTarget, _bytes);
        Console.WriteLine($"// profile {Size}: {_bytes.Length} bytes, {_profile.WorkExperience.Count} jobs, {_profile.Education.Count} schools, {_profile.Skills.Count} skills");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "Load baseline: read the file's bytes")]
    [BenchmarkCategory("Load")]
    public byte[] LoadBaseline() => File.ReadAllBytes(_baselineTarget);

    [Benchmark(Description = "LoadUserProfile (lock + read + parse + validate)")]
    [BenchmarkCategory("Load")]
    public UserProfile Load() => _plain.LoadUserProfile();

    [Benchmark(Description = "Parse + validate in memory (no I/O)")]
    [BenchmarkCategory("Load")]
    public int ParseAndValidate() => UserProfileValidator.Validate(UserProfileSerializer.Deserialize(_bytes)).Count;

    [Benchmark(Baseline = true, Description = "Save baseline: write + fsync + rename + folder fsync")]
    [BenchmarkCategory("Save")]
    public void SaveBaseline() => DurableBaseline.Write(_baselineFolder, _baselineTarget, _bytes);

    [Benchmark(Description = "SaveUserProfile, auto-backup off")]
    [BenchmarkCategory("Save")]
    public void Save() => _plain.SaveUserProfile(_profile);

    [Benchmark(Description = "SaveUserProfile, auto-backup on")]
    [BenchmarkCategory("Save")]
    public void SaveWithAutoBackup() => _withBackup.SaveUserProfile(_profile);
}
