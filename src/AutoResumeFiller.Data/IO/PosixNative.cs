using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AutoResumeFiller.Data.IO;

/// <summary>
/// What .NET cannot do itself: fsync a directory, so a rename inside it is durable; and, on Linux, open an existing
/// file for overwriting only if it is a regular file with no other name (never through a link, never blocking on a
/// pipe). Used only on the real file system of a POSIX platform.
/// </summary>
internal static partial class PosixNative
{
    private const int ORdonly = 0;
    private const int OWronly = 1;
    private const int ONonblock = 0x800; // Linux, every architecture
    private const int OCloexec = 0x80000; // Linux; 0x1000000 on macOS, set below.
    private const int OCloexecMac = 0x1000000;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeModeNlink = 0x1 | 0x2 | 0x4; // STATX_TYPE | STATX_MODE | STATX_NLINK
    private const int StatxBufferSize = 256;
    private const int StatxNlinkOffset = 16;
    private const int StatxModeOffset = 28;
    private const int SIfmt = 0xF000;
    private const int SIfreg = 0x8000;

    /// <summary>
    /// Gets a value indicating whether <see cref="TryOpenSoleRegularFile"/> works here: Linux on x64 or Arm64, whose
    /// <c>O_NOFOLLOW</c> values are known.
    /// </summary>
    public static bool CanOpenSoleRegularFile =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private static int ONofollow => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;

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

    /// <summary>
    /// Opens <paramref name="path"/> for writing, without truncating it, only if it is a regular file with exactly one
    /// name: a symbolic link (O_NOFOLLOW), a pipe or device (O_NONBLOCK, then the type check) or a file with another
    /// hard link elsewhere (which would be changed too) is refused. Linux only (<see cref="CanOpenSoleRegularFile"/>).
    /// </summary>
    /// <returns>The handle, or <see langword="null"/> when the file is refused or cannot be opened.</returns>
    public static SafeFileHandle? TryOpenSoleRegularFile(string path)
    {
        var fd = Open(path, OWronly | ONofollow | ONonblock | OCloexec);
        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        Span<byte> status = stackalloc byte[StatxBufferSize];
        if (!TryStatx(fd, status)
            || (BinaryPrimitives.ReadUInt16LittleEndian(status[StatxModeOffset..]) & SIfmt) != SIfreg
            || BinaryPrimitives.ReadUInt32LittleEndian(status[StatxNlinkOffset..]) != 1)
        {
            handle.Dispose();
            return null;
        }

        return handle;
    }

    // statx is in glibc from 2.28 and the kernel from 4.11; without it (ENOSYS, or no such symbol) nothing is reused.
    private static bool TryStatx(int fd, Span<byte> status)
    {
        try
        {
            return Statx(fd, "", AtEmptyPath, StatxTypeModeNlink, ref MemoryMarshal.GetReference(status)) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
