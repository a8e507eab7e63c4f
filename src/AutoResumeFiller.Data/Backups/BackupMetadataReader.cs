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
        try
        {
            using var stream = fileSystem.FileStream.New(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var entry = zip.GetEntry(BackupMetadata.EntryName);
            if (entry is null || entry.Length > MaxBytes)
            {
                return null;
            }

            using var content = entry.Open();
            using var buffer = new MemoryStream();
            var (bytes, _) = HashingCopy.Copy(content, buffer, MaxBytes, null, CancellationToken.None);
            if (bytes < 0)
            {
                return null;
            }

            var metadata = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProfileJsonContext.Default.BackupMetadata);
            if (metadata?.Files is null || metadata.Files.Any(f => f is null))
            {
                return null;
            }

            metadata.NormalizePythonExport();
            return metadata;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
