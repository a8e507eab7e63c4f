namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>
/// A progress sink that stops the backup reporting to it at its first report (while the backup holds the shared
/// lock) until <see cref="Release"/>; lets a test hold a real reader inside the library.
/// </summary>
public sealed class BlockingProgress : IProgress<BackupProgress>, IDisposable
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _released = new();

    public void Report(BackupProgress value)
    {
        _entered.Set();

        // Bounded: a broken test must not hang the run.
        _released.Wait(TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until the backup is inside (holding its lock).</summary>
    public bool WaitEntered(TimeSpan timeout) => _entered.Wait(timeout);

    public void Release() => _released.Set();

    public void Dispose()
    {
        _released.Set();
        _entered.Dispose();
        _released.Dispose();
    }
}
