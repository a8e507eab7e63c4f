using System.Runtime.ExceptionServices;

namespace AutoResumeFiller.Data.IO;

/// <summary>
/// Runs one piece of work on the thread pool while the caller does another, then joins it. If no pool thread has
/// picked the work up by the time the caller joins, the caller runs it itself: a busy or starved thread pool never
/// delays (or deadlocks) the caller; at worst the two pieces run one after the other, as they would without this.
/// </summary>
/// <remarks>
/// A save writes and flushes its auto-backup archive, and validates the profile, while it serializes, writes and flushes
/// the new profile: the CPU work uses both cores and the fsync waits overlap instead of adding up. <see cref="Join"/>
/// or <see cref="CancelOrJoin"/> must be called before the caller releases its lock.
/// </remarks>
internal sealed class OverlappedWork<T>
{
    private readonly Func<T> _work;
    private readonly object _gate = new(); // a Monitor, not System.Threading.Lock: Join waits with Monitor.Wait
    private int _claimed;
    private bool _finished;
    private T? _result;
    private ExceptionDispatchInfo? _error;

    private OverlappedWork(Func<T> work) => _work = work;

    /// <summary>Starts <paramref name="work"/> on the thread pool when <paramref name="inParallel"/> is true; otherwise it runs on <see cref="Join"/>.</summary>
    public static OverlappedWork<T> Start(Func<T> work, bool inParallel)
    {
        var overlapped = new OverlappedWork<T>(work);
        if (inParallel)
        {
            ThreadPool.QueueUserWorkItem(static state => state.TryRun(), overlapped, preferLocal: false);
        }

        return overlapped;
    }

    /// <summary>Waits for the work (running it here if it has not started) and returns its result or rethrows its exception.</summary>
    public T Join()
    {
        TryRun();
        lock (_gate)
        {
            while (!_finished)
            {
                Monitor.Wait(_gate);
            }
        }

        _error?.Throw();
        return _result!;
    }

    /// <summary>
    /// Ends the work early if it can: work that has not started never runs and <see langword="default"/> is returned;
    /// work that has started is waited for, as <see cref="Join"/> does.
    /// </summary>
    public T? CancelOrJoin()
    {
        if (Interlocked.Exchange(ref _claimed, 1) == 0)
        {
            lock (_gate)
            {
                _finished = true;
            }

            return default;
        }

        return Join();
    }

    private void TryRun()
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return;
        }

        try
        {
            _result = _work();
        }
        catch (Exception ex)
        {
            _error = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            lock (_gate)
            {
                _finished = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
