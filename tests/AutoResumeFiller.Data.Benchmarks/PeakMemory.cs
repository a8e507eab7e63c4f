using System.Globalization;
using AutoResumeFiller.Data.Benchmarks.Support;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>
/// Peak memory of one manual backup in a fresh process (BenchmarkDotNet measures allocations, not peak use):
/// the process's resident-set high-water mark (VmHWM) and the managed bytes allocated during the backup.
/// </summary>
internal static class PeakMemory
{
    public static int Measure(int megabytes)
    {
        var dataSet = DataSet.Ensure(megabytes);
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = dataSet });
        _ = manager.ListAvailableBackups();
        var rssBefore = HighWaterMarkKb();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var path = manager.BackupData("peak");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var rssAfter = HighWaterMarkKb();
        File.Delete(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak size_mb={megabytes} rss_hwm_before_kb={rssBefore} rss_hwm_after_kb={rssAfter} allocated_bytes={allocated}"));
        return 0;
    }

    internal static long HighWaterMarkKb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }
}
