namespace AutoResumeFiller.Data.Backups;

/// <summary>The <c>metadata.json</c> entry of every backup archive.</summary>
internal sealed class BackupMetadata
{
    public const string EntryName = "metadata.json";
    public const string FormatVersion = "1.0";

    public string Kind { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string Version { get; set; } = FormatVersion;

    public string SourcePath { get; set; } = "";

    public List<BackupFileRecord> Files { get; set; } = [];

    public List<string> Missing { get; set; } = [];

    public static string KindName(BackupKind kind) => kind switch
    {
        BackupKind.Auto => "auto",
        BackupKind.PreRestore => "pre_restore",
        _ => "manual",
    };

    public static BackupKind? ParseKind(string? kind) => kind switch
    {
        "auto" => BackupKind.Auto,
        "manual" => BackupKind.Manual,
        "pre_restore" => BackupKind.PreRestore,
        _ => null,
    };
}

/// <summary>One file in a backup: its entry name, uncompressed size and SHA-256 (lower-case hex).</summary>
internal sealed class BackupFileRecord
{
    public string Path { get; set; } = "";

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = "";
}
