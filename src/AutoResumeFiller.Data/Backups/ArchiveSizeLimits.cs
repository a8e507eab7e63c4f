using System.Globalization;
using System.IO.Compression;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// The zip-bomb guard of <see cref="BackupVerifier"/> (DESIGN §5): limits on what an archive may expand to, per entry
/// and in total, including what the data directory's drive can take.
/// </summary>
/// <param name="room">The drive's free space and the part of it to keep free; <see langword="null"/> when unknown (no check).</param>
internal sealed class ArchiveSizeLimits(ArchiveSizeLimits.DiskRoom? room)
{
    /// <summary>More than any real data directory holds; a larger claim is an attack or corruption.</summary>
    public const long MaxTotalUncompressedBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Deflate reaches about 1032:1 at best, so only a lower limit catches an honest bomb (a gigabyte of zeros deflates
    /// to a megabyte). Resumes, letters and JSON stay far below 100:1 (ZipBombTests shows it on a realistic corpus);
    /// already compressed files (PDF, DOCX, images) are near 1:1.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Entries up to this size are never refused for their ratio (a blank page of a few kilobytes deflates very well).</summary>
    public const long RatioCheckedAboveBytes = 1024 * 1024;

    /// <summary>The problem with one entry's expansion, or <see langword="null"/>.</summary>
    public static string? EntryProblem(ZipArchiveEntry entry, string shownName)
    {
        if (entry.Length <= RatioCheckedAboveBytes || entry.Length <= entry.CompressedLength * MaxCompressionRatio)
        {
            return null;
        }

        var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
        return string.Create(CultureInfo.InvariantCulture, $"entry '{shownName}' expands to {entry.Length} bytes from {entry.CompressedLength} compressed ({ratio:0.#}:1; more than {MaxCompressionRatio}:1 is refused for entries over 1 MiB: zip bomb or corruption)");
    }

    /// <summary>The problem with the archive's total uncompressed size, or <see langword="null"/>.</summary>
    public string? TotalProblem(long total) =>
        total > MaxTotalUncompressedBytes
            ? string.Create(CultureInfo.InvariantCulture, $"the archive claims {total} uncompressed bytes, more than the {MaxTotalUncompressedBytes} allowed")
            : room is { } drive && total > drive.Room
                ? string.Create(CultureInfo.InvariantCulture, $"the archive expands to {total} bytes, more than the {drive.Room} bytes the data directory's drive can take ({drive.FreeBytes} free, {drive.KeptFreeBytes} kept free)")
                : null;

    /// <summary>Whether <paramref name="total"/> is refused only because the drive has no room for it (a full disk, not a bad archive).</summary>
    public bool DoesNotFit(long total) => total <= MaxTotalUncompressedBytes && room is { } drive && total > drive.Room;

    /// <summary>The free space of the data directory's drive and the part of it to keep free (<see cref="UserDataManagerOptions.MinimumFreeDiskSpaceBytes"/>).</summary>
    public sealed record DiskRoom(long FreeBytes, long KeptFreeBytes)
    {
        /// <summary>Gets what an archive may expand to.</summary>
        public long Room => Math.Max(0, FreeBytes - KeptFreeBytes);
    }
}
