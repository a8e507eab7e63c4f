using System.Text.Json;
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
internal sealed partial class ProfileJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context files are written with: like <see cref="Default"/>, but without escaping non-ASCII letters,
    /// '+' or quotes as <c>\uXXXX</c>, so the profile stays readable and editable by hand. Control characters,
    /// '"' and '\' are still escaped, so the output is always valid JSON.
    /// </summary>
    public static ProfileJsonContext Writer => WriterHolder.Instance;

    // Static initializers of partial declarations run in no defined order; a nested class defers this one until Default exists.
    private static class WriterHolder
    {
        public static readonly ProfileJsonContext Instance = new(new JsonSerializerOptions(Default.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }
}
