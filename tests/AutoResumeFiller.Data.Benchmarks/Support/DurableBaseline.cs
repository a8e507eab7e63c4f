using System.Runtime.InteropServices;

namespace AutoResumeFiller.Data.Benchmarks.Support;

/// <summary>
/// The physical floor of a durable replace, with nothing else: write the bytes to a temp file, fsync it
/// (<see cref="FileStream.Flush(bool)"/>), rename it over the target, fsync the folder.
/// </summary>
internal static partial class DurableBaseline
{
    private const int ORdonlyCloexec = 0x80000;

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

    public static void FsyncFolder(string folder)
    {
        var fd = Open(folder, ORdonlyCloexec);
        if (fd < 0)
        {
            throw new IOException($"open('{folder}') failed", Marshal.GetLastPInvokeError());
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync('{folder}') failed", Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
