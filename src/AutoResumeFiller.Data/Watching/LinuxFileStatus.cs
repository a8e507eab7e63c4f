using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AutoResumeFiller.Data.Watching;

/// <summary>
/// One <c>statx</c> call giving a file's inode, size and modification time (to 100 ns, as <see cref="DateTime"/> ticks): .NET exposes no inode, and
/// the inode is what tells a save (a new file renamed into place) from a write that kept the same size and time.
/// </summary>
internal static partial class LinuxFileStatus
{
    private const int AtFdCwd = -100;
    private const uint StatxInoSizeMtime = 0x100 | 0x200 | 0x40; // STATX_INO | STATX_SIZE | STATX_MTIME
    private const int BufferSize = 256;
    private const int MaskOffset = 0;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int MtimeOffset = 112;
    private const int Enoent = 2;
    private const int Enotdir = 20;

    private static volatile bool s_unavailable;

    /// <summary>Gets a value indicating whether <c>statx</c> may work here (Linux; glibc 2.28+ and kernel 4.11+ are checked on the first call).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && !s_unavailable;

    /// <summary>Reads <paramref name="path"/>'s state; false when statx is unavailable or fails for another reason than a missing file.</summary>
    public static bool TryRead(string path, out ProfileFileState state)
    {
        state = ProfileFileState.Missing;
        if (!IsSupported)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[BufferSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, path, 0, StatxInoSizeMtime, ref MemoryMarshal.GetReference(buffer));
        }
        catch (EntryPointNotFoundException)
        {
            s_unavailable = true;
            return false;
        }

        if (result != 0)
        {
            return Marshal.GetLastPInvokeError() is Enoent or Enotdir;
        }

        if ((BinaryPrimitives.ReadUInt32LittleEndian(buffer[MaskOffset..]) & StatxInoSizeMtime) != StatxInoSizeMtime)
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadInt64LittleEndian(buffer[MtimeOffset..]);
        var nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(MtimeOffset + 8)..]);
        state = new ProfileFileState(
            true,
            (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer[InodeOffset..]),
            DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer[SizeOffset..]));
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref byte buffer);
}
