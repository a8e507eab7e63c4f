using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Benchmarks.Support;

/// <summary>
/// The physical floor of a durable replace, with nothing else: write the bytes to a temp file, fsync it
/// (<see cref="FileStream.Flush(bool)"/>), rename it over the target, fsync the folder.
/// </summary>
internal static class DurableBaseline
{
    public static void Write(string folder, string target, ReadOnlySpan<byte> bytes)
    {
        var temp = target + ".baseline.tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
        FsyncFolder(folder);
    }

    /// <summary>
    /// The I/O a save with auto-backup cannot do without, with bare calls: the copy of the current bytes made durable
    /// under its own name in the backups folder (write, fsync, rename, folder fsync), which must be on disk before the
    /// profile is replaced, then the durable replace of <see cref="Write"/>. Four fsyncs against the baseline's two.
    /// The oldest copies beyond ten are deleted, as the library rotates its auto backups.
    /// </summary>
    public static void WriteWithBackup(string folder, string backupsFolder, string target, ReadOnlySpan<byte> bytes, ref int sequence)
    {
        sequence++;
        var archive = Path.Combine(backupsFolder, $"copy_{sequence}.bin");
        Write(backupsFolder, archive, bytes);
        Write(folder, target, bytes);
        if (sequence > 10)
        {
            File.Delete(Path.Combine(backupsFolder, $"copy_{sequence - 10}.bin"));
        }
    }

    /// <summary>The folder fsync: the same system calls the library makes (it is what the baseline must include).</summary>
    public static void FsyncFolder(string folder) => PosixNative.FsyncDirectory(folder);
}
