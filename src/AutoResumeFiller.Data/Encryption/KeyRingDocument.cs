using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>The key ring file's JSON: <c>{"format":"autoresumefiller-keyring","version":1,"current_key_id":…,"keys":[{"id","created_at","key"}]}</c>.</summary>
internal sealed class KeyRingDocument
{
    public const string FormatName = "autoresumefiller-keyring";

    public string? Format { get; set; }

    public int Version { get; set; }

    public string? CurrentKeyId { get; set; }

    public List<KeyDocument>? Keys { get; set; }
}

/// <summary>One key of <see cref="KeyRingDocument"/>; <c>key</c> is base64 of the 32 key bytes.</summary>
internal sealed class KeyDocument
{
    public string? Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? Key { get; set; }
}

/// <summary>Source-generated JSON for the key ring file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(KeyRingDocument))]
internal sealed partial class KeyRingJsonContext : JsonSerializerContext
{
}
