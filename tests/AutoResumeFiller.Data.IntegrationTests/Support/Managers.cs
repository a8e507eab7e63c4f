namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>Managers over the real file system for the integration tests.</summary>
public static class Managers
{
    /// <summary>A manager on <paramref name="dataDirectory"/> with test-friendly defaults (2 s lock timeout, no free-space minimum).</summary>
    public static UserDataManager Create(string dataDirectory, Action<UserDataManagerOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new UserDataManagerOptions
        {
            DataDirectory = dataDirectory,
            LockTimeout = TimeSpan.FromSeconds(2),
            MinimumFreeDiskSpaceBytes = 0,
        };
        configure?.Invoke(options);
        return new UserDataManager(options, timeProvider: time);
    }

    /// <summary>An initialized data directory holding a valid sample profile.</summary>
    public static UserDataManager Initialized(string dataDirectory, Action<UserDataManagerOptions>? configure = null, TimeProvider? time = null)
    {
        var manager = Create(dataDirectory, configure, time);
        manager.InitializeDataDirectory();
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid());
        return manager;
    }

    /// <summary>The summary of the profile <paramref name="backup"/> holds, restored into a fresh data directory; the backup must verify.</summary>
    public static string RestoredSummary(UserDataManager manager, string backup, TempDirectory temp)
    {
        var copy = temp.Combine("peek-" + Guid.NewGuid().ToString("N"));
        var peek = Create(copy);
        peek.InitializeDataDirectory();
        File.Copy(backup, Path.Combine(copy, "backups", Path.GetFileName(backup)));
        peek.RestoreFromBackup(Path.GetFileName(backup));
        manager.VerifyBackup(backup).IsValid.Should().BeTrue();
        return peek.LoadUserProfile().Summary!;
    }
}
