using System.IO.Abstractions;
using System.IO.Compression;
using System.Text.Json;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// Reads an archive's <c>metadata.json</c> for listing and deduplication, without verifying anything else; a file that is
/// not a readable archive with small, well-formed metadata gives null. A <c>.zip.enc</c> is read through the manager's
/// <see cref="DataEncryption"/>, decrypting only the segments the metadata lies in (each authenticated). Verification
/// (<see cref="BackupVerifier"/>) is what decides whether an archive can be trusted.
/// </summary>
internal static class BackupMetadataReader
{
    /// <summary>Metadata larger than this is not read here (ours and the Python app's are a few kilobytes).</summary>
    private const int MaxBytes = 1024 * 1024;

    private static readonly DataEncryption PlaintextOnly = new(null);

    /// <summary>The archive's metadata; null when it cannot be read (an encrypted archive without its key included).</summary>
    /// <param name="fileSystem">Where the archive is.</param>
    /// <param name="archivePath">The archive, <c>.zip</c> or <c>.zip.enc</c>.</param>
    /// <param name="encryption">Decrypts a <c>.zip.enc</c>; <see langword="null"/> reads plaintext archives only.</param>
    public static BackupMetadata? TryRead(IFileSystem fileSystem, string archivePath, DataEncryption? encryption = null)
    {
        try
        {
            using var stream = fileSystem.FileStream.New(archivePath, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var archive = (encryption ?? PlaintextOnly).OpenArchiveToPeek(stream, archivePath);
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
            var entry = zip.GetEntry(BackupMetadata.EntryName);
            if (entry is null || entry.Length > MaxBytes)
            {
                return null;
            }

            using var content = entry.Open();
            using var buffer = new MemoryStream();
            var (bytes, _) = HashingCopy.Copy(content, buffer, MaxBytes, null, CancellationToken.None);
            return bytes < 0 ? null : Parse(buffer);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or OverflowException or DataDecryptionException)
        {
            return null;
        }
    }

    private static BackupMetadata? Parse(MemoryStream json)
    {
        try
        {
            var metadata = JsonSerializer.Deserialize(json.GetBuffer().AsSpan(0, (int)json.Length), ProfileJsonContext.Default.BackupMetadata);
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
}
