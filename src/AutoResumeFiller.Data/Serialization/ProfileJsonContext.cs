using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>Source-generated System.Text.Json metadata for the profile and for backup metadata (one set of on-disk JSON options).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(UtcDateTimeConverter)])]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(Backups.BackupMetadata))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
