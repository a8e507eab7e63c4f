using System.IO.Compression;
using System.Text.Json;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Backups;

/// <summary>The verifier's reading of <c>metadata.json</c>, and what it reports.</summary>
internal sealed partial class BackupVerifier
{
    private const int MaxMetadataBytes = 16 * 1024 * 1024;

    /// <summary>The problems found, and the metadata and kind when they could be read.</summary>
    public sealed record Result(IReadOnlyList<string> Problems, BackupMetadata? Metadata, BackupKind? Kind)
    {
        /// <summary>Gets the bytes a restore writes: the sum of the sizes in metadata.json (each checked against its entry).</summary>
        public long TotalBytes { get; init; }

        /// <summary>Gets what the archive's entries claim to expand to.</summary>
        public long ExpandedBytes { get; init; }

        /// <summary>Gets a value indicating whether the archive was refused (also) because the data directory's drive has no room for it.</summary>
        public bool DoesNotFit { get; init; }

        /// <summary>
        /// Gets a value indicating whether the archive's <c>config.yaml</c>, its checksum verified, had its API keys redacted on
        /// export (DESIGN §8): a restore must not let it replace a working one.
        /// </summary>
        public bool HasRedactedConfig { get; init; }
    }

    private static BackupMetadata? ReadMetadata(ZipArchive zip, List<string> problems)
    {
        var entries = zip.Entries.Where(e => e.FullName == BackupMetadata.EntryName).ToList();
        if (entries.Count != 1)
        {
            problems.Add(entries.Count == 0 ? "metadata.json is missing" : "metadata.json appears more than once");
            return null;
        }

        var entry = entries[0];
        if (entry.Length > MaxMetadataBytes)
        {
            problems.Add("metadata.json is too large");
            return null;
        }

        try
        {
            using var content = entry.Open();
            using var buffer = new MemoryStream();
            var (bytes, _) = HashingCopy.Copy(content, buffer, MaxMetadataBytes, null, CancellationToken.None);
            if (bytes < 0)
            {
                problems.Add("metadata.json is too large");
                return null;
            }

            var metadata = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProfileJsonContext.Default.BackupMetadata);
            if (metadata?.Files is null || metadata.Files.Any(f => f is null))
            {
                problems.Add("metadata.json has no valid file list");
                return null;
            }

            metadata.NormalizePythonExport();

            return metadata;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or NotSupportedException or InvalidOperationException)
        {
            problems.Add($"metadata.json cannot be read: {ex.Message}");
            return null;
        }
    }
}
