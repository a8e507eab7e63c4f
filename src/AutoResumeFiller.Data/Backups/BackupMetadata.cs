using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// The <c>metadata.json</c> entry of every backup archive. Also reads the Python app's export metadata
/// (<c>export_timestamp</c>, <c>app_version</c>, <c>files[].checksum_sha256</c>, <c>missing_directories</c>);
/// <see cref="NormalizePythonExport"/> maps it onto ours.
/// </summary>
internal sealed class BackupMetadata
{
    public const string EntryName = "metadata.json";
    public const string FormatVersion = "1.0";
    public const string ExportKindName = "export";

    public string Kind { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string Version { get; set; } = FormatVersion;

    public string SourcePath { get; set; } = "";

    public List<BackupFileRecord> Files { get; set; } = [];

    /// <summary>Gets or sets the parts absent from the data directory when the backup was made (and files that vanished meanwhile).</summary>
    public List<string> Missing { get; set; } = [];

    /// <summary>
    /// Gets or sets the files of <c>resumes/</c> and <c>cover_letters/</c> that were there but left out because no backup can
    /// hold their names (<see cref="BackupEntryNames.WhyUnsafe"/>); written only when there is one. Never trusted: shown, not used.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? LeftOut { get; set; }

    /// <summary>Gets or sets the Python app's export time (written without an offset: read as UTC).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? ExportTimestamp { get; set; }

    /// <summary>Gets or sets the version of the Python app that wrote the export.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AppVersion { get; set; }

    /// <summary>Gets or sets the folders the Python app's export found missing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? MissingDirectories { get; set; }

    public static string KindName(BackupKind kind) => kind switch
    {
        BackupKind.Auto => "auto",
        BackupKind.PreRestore => "pre_restore",
        BackupKind.Export => ExportKindName,
        _ => "manual",
    };

    public static BackupKind? ParseKind(string? kind) => kind switch
    {
        "auto" => BackupKind.Auto,
        "manual" => BackupKind.Manual,
        "pre_restore" => BackupKind.PreRestore,
        ExportKindName => BackupKind.Export,
        _ => null,
    };

    /// <summary>
    /// Reads the Python app's export metadata as ours: it has no <c>kind</c> but an <c>export_timestamp</c>, names each
    /// file's hash <c>checksum_sha256</c>, and lists absent folders in <c>missing_directories</c>. Ours is left as it is.
    /// </summary>
    public void NormalizePythonExport()
    {
        // Hostile metadata may hold nulls anywhere ("kind": null): they stay as they are, for verification to report.
        if (!string.IsNullOrEmpty(Kind) || ExportTimestamp is not { } exported)
        {
            return;
        }

        Kind = ExportKindName;
        CreatedAt = exported;
        foreach (var file in Files)
        {
            if (file is not null && string.IsNullOrEmpty(file.Sha256) && file.ChecksumSha256 is { } checksum)
            {
                file.Sha256 = checksum;
            }
        }

        Missing = [.. Missing ?? [], .. MissingDirectories ?? []];
    }
}

/// <summary>One file in a backup: its entry name, uncompressed size and SHA-256 (lower-case hex).</summary>
internal sealed class BackupFileRecord
{
    public string Path { get; set; } = "";

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = "";

    /// <summary>Gets or sets the SHA-256 as the Python app's export names it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ChecksumSha256 { get; set; }
}
