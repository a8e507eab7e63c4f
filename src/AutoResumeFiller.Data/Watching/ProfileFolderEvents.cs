using System.IO.Abstractions;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Watching;

/// <summary>
/// File-system events that may mean the profile changed: a watcher on <c>data/</c> filtered to the profile's name
/// (a save's temp file has another name until it is renamed into place, which is reported under the profile's name),
/// and one on the data directory filtered to <c>data</c>, so that a <c>data/</c> folder deleted and recreated, or
/// swapped for another, is watched again. Events are only hints: <see cref="ProfileWatch"/> decides from the file's state.
/// </summary>
internal sealed class ProfileFolderEvents : IDisposable
{
    private const NotifyFilters ProfileFilters =
        NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime;

    private readonly IFileSystem _fileSystem;
    private readonly DataLayout _layout;
    private readonly Action _changed;
    private readonly Action<Exception> _failed;
    private readonly object _sync = new();
    private IFileSystemWatcher? _folderWatcher;
    private IFileSystemWatcher? _profileWatcher;
    private bool _disposed;

    private ProfileFolderEvents(IFileSystem fileSystem, DataLayout layout, Action changed, Action<Exception> failed)
    {
        _fileSystem = fileSystem;
        _layout = layout;
        _changed = changed;
        _failed = failed;
    }

    /// <summary>
    /// Starts both watchers. Throws when events cannot be had here: the file system has no watcher (a mock's factory
    /// throws <see cref="NotImplementedException"/> or returns null), the platform has none, the data directory does not
    /// exist, or the OS refuses one (the inotify limits).
    /// </summary>
    public static ProfileFolderEvents Start(IFileSystem fileSystem, DataLayout layout, Action changed, Action<Exception> failed)
    {
        if (!fileSystem.Directory.Exists(layout.Root))
        {
            throw new DirectoryNotFoundException($"The data directory '{layout.Root}' does not exist yet.");
        }

        var events = new ProfileFolderEvents(fileSystem, layout, changed, failed);
        try
        {
            events._folderWatcher = events.Create(layout.Root, DataLayout.DataFolderName, NotifyFilters.DirectoryName, events.OnFolderEvent);
            events.ArmProfileWatcher(throwOnFailure: true);
            return events;
        }
        catch
        {
            events.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        IFileSystemWatcher? folder, profile;
        lock (_sync)
        {
            _disposed = true;
            (folder, profile) = (_folderWatcher, _profileWatcher);
            (_folderWatcher, _profileWatcher) = (null, null);
        }

        Stop(folder);
        Stop(profile);
    }

    private IFileSystemWatcher Create(string path, string filter, NotifyFilters filters, FileSystemEventHandler onEvent)
    {
        var watcher = _fileSystem.FileSystemWatcher.New(path, filter)
            ?? throw new NotSupportedException("The file system returned no watcher.");
        try
        {
            watcher.NotifyFilter = filters;
            watcher.IncludeSubdirectories = false;
            watcher.Changed += onEvent;
            watcher.Created += onEvent;
            watcher.Deleted += onEvent;
            watcher.Renamed += (sender, e) => onEvent(sender, e);
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    /// <summary>(Re)creates the watcher of <c>data/</c>: the old one may watch a folder that was deleted or moved away.</summary>
    private void ArmProfileWatcher(bool throwOnFailure)
    {
        // While data/ is missing only the folder watcher runs; it arms this one when data/ comes back.
        IFileSystemWatcher? fresh = null;
        try
        {
            if (_fileSystem.Directory.Exists(_layout.DataFolder))
            {
                fresh = Create(_layout.DataFolder, _fileSystem.Path.GetFileName(_layout.ProfilePath), ProfileFilters, OnProfileEvent);
            }
        }
        catch (Exception ex) when (!throwOnFailure && IsMissingFolder(ex))
        {
            // data/ went away between the check and the watcher's start.
        }

        IFileSystemWatcher? old;
        lock (_sync)
        {
            if (_disposed)
            {
                old = fresh;
            }
            else
            {
                old = _profileWatcher;
                _profileWatcher = fresh;
            }
        }

        Stop(old);
    }

    private void OnFolderEvent(object sender, FileSystemEventArgs e)
    {
        try
        {
            ArmProfileWatcher(throwOnFailure: false);
        }
#pragma warning disable CA1031 // Reported as a watcher failure: the watch falls back to polling rather than losing events.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failed(ex);
            return;
        }

        _changed();
    }

    private void OnProfileEvent(object sender, FileSystemEventArgs e) => _changed();

    private void OnError(object sender, ErrorEventArgs e) => _failed(e.GetException());

    private static bool IsMissingFolder(Exception ex) => ex is ArgumentException or FileNotFoundException or DirectoryNotFoundException;

    private static void Stop(IFileSystemWatcher? watcher)
    {
        if (watcher is null)
        {
            return;
        }

        watcher.EnableRaisingEvents = false;
        watcher.Dispose();
    }
}
