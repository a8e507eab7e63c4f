namespace AutoResumeFiller.Data.TestHost;

/// <summary>The child side of the legacy-import crash suite: warm up, announce READY, import, announce DONE (unless killed first).</summary>
internal static class LegacyImport
{
    public static int Run(string dataDir, string legacyDir, string warmUpLegacyDir, string scratchDir)
    {
        // A small import elsewhere first, so the kill lands in a steady-state import rather than in JIT compilation.
        var scratch = Path.Combine(scratchDir, Guid.NewGuid().ToString("N"));
        Create(scratch).ImportLegacyData(warmUpLegacyDir);
        Directory.Delete(scratch, recursive: true);

        Console.WriteLine("READY .");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Create(dataDir).ImportLegacyData(legacyDir);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DONE {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ."));
        return 0;
    }

    public static UserDataManager Create(string dataDir) =>
        new(new UserDataManagerOptions { DataDirectory = dataDir, LockTimeout = TimeSpan.FromSeconds(10), MinimumFreeDiskSpaceBytes = 0 });
}
