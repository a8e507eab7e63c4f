using System.Globalization;
using System.IO.Abstractions;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.IO;

/// <summary>Checks that the drive holding the data directory has room before anything is written.</summary>
internal sealed class DiskSpace(IFileSystem fileSystem, ILogger logger)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>Throws <see cref="InsufficientDiskSpaceException"/> when fewer than <paramref name="requiredBytes"/> are free at <paramref name="path"/>.</summary>
    public void EnsureAvailable(string path, long requiredBytes)
    {
        // A drive we cannot measure is not a reason to refuse a save; the write itself still fails safely when full.
        if (TryGetAvailable(path) is not { } available)
        {
            return;
        }

        if (available < requiredBytes)
        {
            throw new InsufficientDiskSpaceException(
                string.Create(CultureInfo.InvariantCulture, $"Insufficient disk space ({FormatMegabytes(requiredBytes)} required): {available / (double)Megabyte:0.#}MB free on the drive of '{path}'."),
                requiredBytes,
                available);
        }
    }

    /// <summary>The free space of the drive holding <paramref name="path"/>; <see langword="null"/> when it cannot be measured (logged).</summary>
    public long? TryGetAvailable(string path)
    {
        try
        {
            return fileSystem.DriveInfo.New(path).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException or NotSupportedException)
        {
            Log.FreeSpaceUnknown(logger, path, ex);
            return null;
        }
    }

    /// <summary>Formats a size as whole megabytes, rounding up (<c>10MB</c>).</summary>
    public static string FormatMegabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{(bytes + Megabyte - 1) / Megabyte}MB");
}
