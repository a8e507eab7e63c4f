using System.Globalization;
using AutoResumeFiller.Data.Benchmarks.Support;
using BenchmarkDotNet.Attributes;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Initialization of a brand-new data directory (a new manager each time), beside its floor: creating the same
/// five folders and durably writing the same empty profile.
/// </summary>
[Config(typeof(FastOperationsConfig))]
public class InitBenchmarks
{
    private static readonly string[] Folders = ["data", "resumes", "cover_letters", "backups", "logs"];
    private string _root = "";
    private byte[] _emptyProfile = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(DataSet.Root, "init-" + Environment.ProcessId);
        Directory.CreateDirectory(_root);
        _emptyProfile = UserProfileSerializer.Serialize(new UserProfile { LastUpdated = DateTime.UtcNow });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "Init baseline: mkdir x5 + durable write of the empty profile")]
    [BenchmarkCategory("Init")]
    public void InitBaseline()
    {
        var directory = NextDirectory();
        foreach (var folder in Folders)
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        var data = Path.Combine(directory, "data");
        DurableBaseline.Write(data, Path.Combine(data, "user_profile.json"), _emptyProfile);
    }

    [Benchmark(Description = "InitializeDataDirectory (new directory)")]
    [BenchmarkCategory("Init")]
    public void Init() => new UserDataManager(new UserDataManagerOptions { DataDirectory = NextDirectory() }).InitializeDataDirectory();

    private string NextDirectory() => Path.Combine(_root, (++_next).ToString(CultureInfo.InvariantCulture));
}
