using System.IO.Abstractions;
using System.IO.Compression;
using System.Text.Json;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// Reads an archive's <c>metadata.json</c> for listing and deduplication, without verifying anything else; a file that is
/// not a readable archive with small, well-formed metadata gives null. Verification (<see cref="BackupVerifier"/>) is
/// what decides whether an archive can be trusted.
/// </summary>
internal static class BackupMetadataReader
{
    /// <summary>Metadata larger than this is not read here (ours and the Python app's are a few kilobytes).</summary>
    private const int MaxBytes = 1024 * 1024;

    public static BackupMetadata? TryRead(IFileSystem fileSystem, string archivePath)
    {
        if (TryReadEntry(fileSystem, archivePath, BackupMetadata.EntryName, MaxBytes) is not { } bytes)
        {
            return null;
        }

        try
        {
            var metadata = JsonSerializer.Deserialize(bytes, ProfileJsonContext.Default.BackupMetadata);
            if (metadata?.Files is null || metadata.Files.Any(f => f is null))
            {
                return null;
            }

            metadata.NormalizePythonExport();
            return metadata;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The content of one small entry of an archive; null when the archive or entry is missing, unreadable or larger than <paramref name="maxBytes"/>.</summary>
    public static byte[]? TryReadEntry(IFileSystem fileSystem, string archivePath, string entryName, int maxBytes)
    {
        try
        {
            using var stream = fileSystem.FileStream.New(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var entry = zip.GetEntry(entryName);
            if (entry is null || entry.Length > maxBytes)
            {
                return null;
            }

            using var content = entry.Open();
            using var buffer = new MemoryStream();
            var (bytes, _) = HashingCopy.Copy(content, buffer, maxBytes, null, CancellationToken.None);
            return bytes < 0 ? null : buffer.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
