using AutoResumeFiller.Data.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

return args switch
{
    ["--report", .. var rest] => Report.Write(rest),
    ["--peak-memory", var megabytes] => PeakMemory.Measure(int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture)),
    ["--write-profile", var path] => WriteProfile(path, large: false),
    ["--write-profile", var path, "large"] => WriteProfile(path, large: true),
    ["--paired", .. var only] => PairedRuns.Run(only),
    ["--encryption", .. var only] => EncryptionRuns.Run(only),
    ["--enc-breakdown"] => EncBreakdown.Run(),
    ["--peak-memory-encrypted", var megabytes] => EncryptionRuns.PeakMemory(int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture)),
    ["--loop", var stage, var folder] => Breakdown.Loop(stage, folder, TimeSpan.FromSeconds(15)),
    ["--watch-latency", var folder] => WatchLatency.Run(folder, eventSamples: 300, pollingSamples: 40),
    ["--breakdown", var folder] => Breakdown.Run(folder, rounds: 200),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(ProfileBenchmarks).Assembly).Run(args, ManualConfig.CreateMinimumViable());
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static int WriteProfile(string path, bool large)
{
    var profile = large ? AutoResumeFiller.Data.Benchmarks.Support.ProfileGenerator.Large() : AutoResumeFiller.Data.Benchmarks.Support.ProfileGenerator.Typical();
    File.WriteAllBytes(path, AutoResumeFiller.Data.UserProfileSerializer.Serialize(profile));
    return 0;
}

