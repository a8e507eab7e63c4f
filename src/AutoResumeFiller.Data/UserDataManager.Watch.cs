using System.IO.Abstractions;
using AutoResumeFiller.Data.Watching;

namespace AutoResumeFiller.Data;

/// <content>Live changes (DESIGN §9): <see cref="WatchProfile"/>.</content>
public sealed partial class UserDataManager
{
    /// <summary>The variable Microsoft.Extensions.FileProviders reads to force polling ("true" or "1"); honoured here too.</summary>
    internal const string UsePollingVariable = "DOTNET_USE_POLLING_FILE_WATCHER";

    /// <summary>
    /// Calls <paramref name="onChanged"/> after each committed save, update or restore of the profile, by any manager in
    /// any thread or process, until the returned object is disposed.
    /// </summary>
    /// <param name="onChanged">
    /// Receives the profile's path and the <c>last_updated</c> of the profile now on disk. Calls for one watch never
    /// overlap; they run on a thread-pool or timer thread, so keep them short (hand work to your UI thread).
    /// </param>
    /// <returns>Stops the watch when disposed; once <see cref="IDisposable.Dispose"/> returns, no callback runs.</returns>
    /// <remarks>
    /// <para>
    /// A change is a new version of <c>data/user_profile.json</c>: its identity (inode on Linux, else its creation time),
    /// last write time or size differ from the last one seen, so the profile is never read to find out. Loads, backups,
    /// refused or failed saves and temp files never notify. A burst of saves may come as fewer calls, but the last call
    /// always describes the final file. The profile as it is when the watch starts is not reported; a deleted profile is
    /// not reported either (its return is).
    /// </para>
    /// <para>
    /// File-system events (<see cref="IFileSystem.FileSystemWatcher"/>, on <c>data/</c> and on the data directory, so a
    /// <c>data/</c> folder replaced by a restore is followed) report a change within milliseconds. Where they do not
    /// work the watch polls every <see cref="UserDataManagerOptions.WatchPollingInterval"/> using the manager's
    /// <see cref="TimeProvider"/>: a network drive, a file system without events (such as a mock), a data directory
    /// that does not exist yet, the environment variable <c>DOTNET_USE_POLLING_FILE_WATCHER</c> set to <c>true</c> or
    /// <c>1</c>, and, from then on, after a watcher error such as a buffer overflow.
    /// </para>
    /// <para>
    /// A callback that throws is logged (event 73) and the watch goes on. Thread-safe: each call makes its own watch.
    /// Disposing waits for a callback under way, so do not dispose from a thread that callback waits for.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="onChanged"/> is null.</exception>
    public IDisposable WatchProfile(Action<ProfileChange> onChanged)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        var settings = new ProfileWatchSettings(_options.WatchPollingInterval, _time, _logger, _writer.WritesToRealDisk, _encoding, PollingReason());
        return ProfileWatch.Start(_fileSystem, _layout, settings, onChanged);
    }

    /// <summary>Why events must not even be tried, or null.</summary>
    private string? PollingReason()
    {
        if (_platform.GetEnvironmentVariable(UsePollingVariable) is { } value
            && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            return $"{UsePollingVariable} is set";
        }

        try
        {
            // Events from a network share report only this machine's own writes (SMB) or nothing at all (NFS).
            if (_fileSystem.DriveInfo.New(_layout.Root).DriveType == DriveType.Network)
            {
                return "the data directory is on a network drive";
            }
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException or NotImplementedException)
        {
            // Unknown drive: try events; a failure falls back to polling anyway.
        }

        return null;
    }
}
