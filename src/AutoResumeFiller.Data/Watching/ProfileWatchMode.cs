namespace AutoResumeFiller.Data.Watching;

/// <summary>How a <see cref="ProfileWatch"/> learns of changes.</summary>
internal enum ProfileWatchMode
{
    /// <summary>File-system events (inotify, FSEvents, ReadDirectoryChangesW), each followed by a check of the file's state.</summary>
    Events,

    /// <summary>A check of the file's state every <see cref="UserDataManagerOptions.WatchPollingInterval"/>.</summary>
    Polling,
}
