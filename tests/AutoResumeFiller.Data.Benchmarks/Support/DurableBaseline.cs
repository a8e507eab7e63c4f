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

    /// <summary>The folder fsync: the same system calls the library makes (it is what the baseline must include).</summary>
    public static void FsyncFolder(string folder) => PosixNative.FsyncDirectory(folder);
}
