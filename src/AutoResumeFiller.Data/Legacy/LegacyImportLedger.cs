using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data.Legacy;

/// <summary>
/// What has been imported from the Python app's folder, kept in <c>data/legacy_import.json</c> so that a second run
/// imports nothing twice, even a backup that rotation has since deleted or a file the user has since removed. Written
/// atomically after every step under the exclusive lock; a crash between a step and its record is caught on the rerun
/// (the backup archive or the copied file is found on disk and recorded then).
/// </summary>
internal sealed class LegacyImportLedger
{
    public const string FileName = "legacy_import.json";
    public const string ProfilePending = "pending";
    public const string ProfileImported = "imported";

    public string Version { get; set; } = "1.0";

    /// <summary>Gets or sets the legacy folder of the last import (absolute).</summary>
    public string LegacyDirectory { get; set; } = "";

    /// <summary>Gets or sets a value indicating whether that import finished; an unfinished one is completed by the next initialization.</summary>
    public bool Completed { get; set; }

    /// <summary>Gets or sets <see cref="ProfilePending"/> while the profile's save may be in flight, <see cref="ProfileImported"/> once it is done.</summary>
    public string? Profile { get; set; }

    /// <summary>Gets or sets the JSON backups imported, by file name and content.</summary>
    public List<LegacyImportedBackup> Backups { get; set; } = [];

    /// <summary>Gets or sets the files copied (or found already identical), as paths relative to the data directory with <c>/</c>.</summary>
    public List<string> Files { get; set; } = [];

    public bool HasBackup(string fileName, string sha256) =>
        Backups.Any(b => b.Source == fileName && string.Equals(b.Sha256, sha256, StringComparison.OrdinalIgnoreCase));

    public static LegacyImportLedger? Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var ledger = JsonSerializer.Deserialize(utf8Json, LegacyJsonContext.Default.LegacyImportLedger);
            if (ledger is not null)
            {
                ledger.Backups = [.. (ledger.Backups ?? []).Where(b => b is not null)];
                ledger.Files = [.. (ledger.Files ?? []).Where(f => f is not null)];
            }

            return ledger;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, LegacyJsonContext.Default.LegacyImportLedger);
}

/// <summary>One imported JSON backup: its legacy file name, the SHA-256 of its content, and the archive it became.</summary>
internal sealed class LegacyImportedBackup
{
    public string Source { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public string Archive { get; set; } = "";
}

/// <summary>Source-generated JSON for the ledger (snake_case, like every file of the data directory).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, IndentSize = 2, NewLine = "\n")]
[JsonSerializable(typeof(LegacyImportLedger))]
internal sealed partial class LegacyJsonContext : JsonSerializerContext;
