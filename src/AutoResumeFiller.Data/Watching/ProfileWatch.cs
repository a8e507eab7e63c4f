using System.IO.Abstractions;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Watching;

/// <summary>
/// One <see cref="UserDataManager.WatchProfile"/> subscription. Events or a polling timer (the shape of
/// Microsoft.Extensions.FileProviders.Physical's <c>PhysicalFilesWatcher</c> with its polling fallback) only ask for a
/// check; a check compares the profile file's state with the last one seen and calls back when it differs, so a burst
/// collapses into the checks that see it and the last check always sees the final file.
/// </summary>
/// <remarks>
/// Checks and callbacks run one at a time under <see cref="_gate"/>; <see cref="Dispose"/> stops the sources, then
/// takes the gate, so a callback under way finishes before it returns and none starts after.
/// </remarks>
internal sealed class ProfileWatch : IDisposable
{
    private readonly IFileSystem _fileSystem;
    private readonly DataLayout _layout;
    private readonly TimeSpan _pollingInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<ProfileChange> _onChanged;
    private readonly bool _useNativeStatus;
    private readonly ProfileEncoding _encoding;
    private readonly object _gate = new();
    private readonly object _sources = new();
    private ProfileFileState _last;
    private ProfileFolderEvents? _events;
    private ITimer? _timer;
    private int _checkQueued;
    private volatile bool _disposed;

    private ProfileWatch(IFileSystem fileSystem, DataLayout layout, ProfileWatchSettings settings, Action<ProfileChange> onChanged)
    {
        _fileSystem = fileSystem;
        _layout = layout;
        _pollingInterval = settings.PollingInterval;
        _time = settings.Time;
        _logger = settings.Logger;
        _onChanged = onChanged;
        _useNativeStatus = settings.OnRealFileSystem;
        _encoding = settings.Encoding;
    }

    /// <summary>Gets how changes are detected now (events fall back to polling for good after a watcher error).</summary>
    public ProfileWatchMode Mode { get; private set; }

    /// <summary>Takes the current state as the baseline (no callback for it), then starts events, or polling where events do not work.</summary>
    public static ProfileWatch Start(IFileSystem fileSystem, DataLayout layout, ProfileWatchSettings settings, Action<ProfileChange> onChanged)
    {
        var watch = new ProfileWatch(fileSystem, layout, settings, onChanged);
        watch._last = watch.ReadState();
        lock (watch._sources)
        {
            var pollingReason = settings.PollingReason;
            if (pollingReason is null)
            {
                try
                {
                    watch._events = ProfileFolderEvents.Start(fileSystem, layout, watch.RequestCheck, watch.OnEventsFailed);
                    watch.Mode = ProfileWatchMode.Events;
                }
#pragma warning disable CA1031 // Whatever keeps events from starting (no watcher, no folder, OS limits), polling works.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    pollingReason = $"file-system events are unavailable ({ex.GetType().Name}: {ex.Message})";
                }
            }

            if (pollingReason is not null)
            {
                watch.StartPolling();
                Log.WatchPolling(settings.Logger, layout.ProfilePath, pollingReason, settings.PollingInterval.TotalMilliseconds);
            }
        }

        // A change between the baseline and arming the events happened before WatchProfile returned: the caller's
        // next load sees it, and the next change is compared with the stale baseline, so nothing is lost after that.
        Log.WatchStarted(settings.Logger, layout.ProfilePath, watch.Mode);
        return watch;
    }

    public void Dispose()
    {
        lock (_sources)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            StopSources();
        }

        // Waits for a callback under way (a no-op when Dispose is called from the callback itself: the lock is re-entrant).
        lock (_gate)
        {
        }

        Log.WatchStopped(_logger, _layout.ProfilePath);
    }

    /// <summary>Queues one check on the thread pool unless one is already waiting; event threads never run callbacks.</summary>
    private void RequestCheck()
    {
        if (_disposed || Interlocked.Exchange(ref _checkQueued, 1) != 0)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            static watch =>
            {
                lock (watch._gate)
                {
                    // Cleared inside the gate: an event from now on queues a new check, which will see its change.
                    Volatile.Write(ref watch._checkQueued, 0);
                    watch.CheckLocked();
                }
            },
            this,
            preferLocal: false);
    }

    private void OnPollingTick()
    {
        // A tick that finds a check running skips: that check or the next tick sees the same state.
        if (!Monitor.TryEnter(_gate))
        {
            return;
        }

        try
        {
            CheckLocked();
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void CheckLocked()
    {
        if (_disposed)
        {
            return;
        }

        var state = ReadState();
        if (state == _last)
        {
            return;
        }

        DateTime? lastUpdated = null;
        if (state.Exists)
        {
            // Read, then confirm the file is still the one whose state was taken, so the timestamp matches the state.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                lastUpdated = ProfileTimestampReader.TryRead(_fileSystem, _layout.ProfilePath, _encoding);
                var after = ReadState();
                if (after == state)
                {
                    break;
                }

                state = after;
            }
        }

        _last = state;
        if (!state.Exists)
        {
            return; // A deleted profile is no saved state to report; its return is.
        }

        var change = new ProfileChange(_layout.ProfilePath, lastUpdated ?? new DateTime(state.LastWriteTicks, DateTimeKind.Utc));
        try
        {
            _onChanged(change);
        }
#pragma warning disable CA1031 // The caller's callback: whatever it throws is logged and the watch goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WatchCallbackFailed(_logger, _layout.ProfilePath, ex);
        }
    }

    private void OnEventsFailed(Exception exception)
    {
        lock (_sources)
        {
            if (_disposed || Mode == ProfileWatchMode.Polling)
            {
                return;
            }

            // Stopping a watcher from its own event thread can wait on that thread: hand it to the pool.
            var events = _events;
            _events = null;
            ThreadPool.UnsafeQueueUserWorkItem(static e => e?.Dispose(), events, preferLocal: false);
            StartPolling();
        }

        Log.WatchFellBackToPolling(_logger, _layout.ProfilePath, _pollingInterval.TotalMilliseconds, exception);

        // Events may have been lost in the overflow: look now rather than a whole interval later.
        RequestCheck();
    }

    private void StartPolling()
    {
        Mode = ProfileWatchMode.Polling;
        _timer = _time.CreateTimer(static w => ((ProfileWatch)w!).OnPollingTick(), this, _pollingInterval, _pollingInterval);
    }

    private void StopSources()
    {
        _events?.Dispose();
        _events = null;
        _timer?.Dispose();
        _timer = null;
    }

    private ProfileFileState ReadState() => ProfileFileState.Read(_fileSystem, _layout.ProfilePath, _useNativeStatus);
}
