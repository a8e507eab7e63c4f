using System.Diagnostics;
using System.IO.Abstractions;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.IO;

/// <summary>
/// A reader/writer lock between threads and processes, made of OS file locks through <see cref="FileShare"/>
/// on a lock file that is never renamed or deleted: readers open it with <see cref="FileShare.Read"/>
/// (shared), writers with <see cref="FileShare.None"/> (exclusive). Waits poll with exponential backoff.
/// </summary>
internal sealed class FileLock(IFileSystem fileSystem, string lockPath, TimeSpan timeout, ILogger logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(100);

    // The lock file is created 0600 (user only) on the real file system of a POSIX platform.
    private readonly FileStreamOptions ExclusiveOptions = Options(FileAccess.ReadWrite, FileShare.None, fileSystem);
    private readonly FileStreamOptions SharedOptions = Options(FileAccess.Read, FileShare.Read, fileSystem);

    public string LockPath => lockPath;

    private static FileStreamOptions Options(FileAccess access, FileShare share, IFileSystem fileSystem)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = access, Share = share, BufferSize = 0 };
        if (fileSystem is FileSystem && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    public IDisposable Acquire(bool exclusive)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            if (TryOpen(exclusive, out var held, out var busy))
            {
                return held;
            }

            var wait = NextWait(started, ref delay, exclusive, busy);
            Thread.Sleep(wait);
        }
    }

    public async Task<IDisposable> AcquireAsync(bool exclusive, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(exclusive, out var held, out var busy))
            {
                return held;
            }

            var wait = NextWait(started, ref delay, exclusive, busy);
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan NextWait(long started, ref TimeSpan delay, bool exclusive, IOException busy)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var remaining = timeout - elapsed;
        if (remaining <= TimeSpan.Zero)
        {
            Log.LockTimedOut(logger, lockPath, exclusive, elapsed.TotalMilliseconds);
            throw new DataLockTimeoutException(lockPath, elapsed, exclusive, busy);
        }

        // Jitter keeps competing processes from retrying in lockstep.
        var wait = TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble())));
        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        return wait < remaining ? wait : remaining;
    }

    private bool TryOpen(bool exclusive, out IDisposable held, out IOException busy)
    {
        try
        {
            // Opening follows links and OpenOrCreate would create a link's target: a planted (or dangling) link must
            // never make the lock create or lock a file outside the data directory.
            if (fileSystem.FileInfo.New(lockPath).LinkTarget is { } target)
            {
                throw new UserDataException(
                    $"The lock file '{lockPath}' is a symbolic link (to '{target}'); refusing to follow it.",
                    "Delete the link; the library recreates the lock file as a regular file on the next operation.");
            }

            held = fileSystem.FileStream.New(lockPath, exclusive ? ExclusiveOptions : SharedOptions);
            busy = null!;
            return true;
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException) && !IoErrors.IsDiskFull(ex))
        {
            held = null!;
            busy = ex;
            return false;
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, lockPath, "opening the lock file");
        }
    }
}
