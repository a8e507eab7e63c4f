using System.Runtime.InteropServices;

namespace AutoResumeFiller.Data.IO;

/// <summary>
/// What .NET cannot do itself: fsync a directory, so a rename inside it is durable. Used only on the real file system
/// of a POSIX platform.
/// </summary>
internal static partial class PosixNative
{
    private const int ORdonly = 0;
    private const int OCloexec = 0x80000; // Linux; 0x1000000 on macOS, set below.
    private const int OCloexecMac = 0x1000000;

    public static void FsyncDirectory(string directory)
    {
        var flags = ORdonly | (OperatingSystem.IsMacOS() ? OCloexecMac : OCloexec);
        var fd = Open(directory, flags);
        if (fd < 0)
        {
            throw new IOException($"open('{directory}') for fsync failed", Marshal.GetLastPInvokeError());
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync('{directory}') failed", Marshal.GetLastPInvokeError());
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
