using System.IO.Abstractions;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Watching;

/// <summary>
/// What identifies one version of the profile file without reading it: its identity (inode on Linux; elsewhere its
/// creation time, which a save's rename carries over from the new temp file), last write time and size. Every
/// committed save or restore renames a new file into place, so each one gives a new state; a load, a backup or a
/// chmod does not change any of the three (the status-change time is left out on purpose: a chmod moves it).
/// </summary>
/// <param name="Exists">Whether the file exists (the other values are zero when not).</param>
/// <param name="FileId">The inode, or the creation time's ticks where no inode is read.</param>
/// <param name="LastWriteTicks">The last write time (UTC) as <see cref="DateTime"/> ticks.</param>
/// <param name="Length">The size in bytes.</param>
internal readonly record struct ProfileFileState(bool Exists, long FileId, long LastWriteTicks, long Length)
{
    public static readonly ProfileFileState Missing = new(false, 0, 0, 0);

    /// <summary>Reads the state of <paramref name="path"/> with one metadata call; a file that cannot be read counts as missing.</summary>
    public static ProfileFileState Read(IFileSystem fileSystem, string path, bool useNativeStatus)
    {
        if (useNativeStatus && LinuxFileStatus.TryRead(path, out var native))
        {
            return native;
        }

        try
        {
            var info = fileSystem.FileInfo.New(path);
            return info.Exists
                ? new ProfileFileState(true, info.CreationTimeUtc.Ticks, info.LastWriteTimeUtc.Ticks, info.Length)
                : Missing;
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            return Missing;
        }
    }
}
