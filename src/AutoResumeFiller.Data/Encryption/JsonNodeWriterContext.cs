using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>Source-generated (trim- and AOT-safe) writing of the <see cref="JsonNode"/> a transcoded <c>metadata.json</c> is edited as.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JsonNodeWriterContext : JsonSerializerContext
{
}
