using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// Reads ISO-8601 timestamps with or without an offset (no offset means UTC, as the Python app wrote
/// them) and always writes UTC with a <c>Z</c> suffix.
/// </summary>
internal sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    // ISO-8601 date-times only (0–7 fraction digits; Z, ±hh:mm or no offset): never culture-dependent or clock-dependent forms.
    private static readonly string[] IsoFormats = BuildIsoFormats();

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO-8601 timestamp string.");
        }

        var text = reader.GetString();
        if (text is null || text.Length > 64 || !DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, Styles, out var value))
        {
            throw new JsonException($"'{Truncate(text)}' is not an ISO-8601 timestamp.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }

    private static string[] BuildIsoFormats()
    {
        var formats = new List<string>();
        foreach (var offset in new[] { "", "'Z'", "zzz" })
        {
            formats.Add("yyyy-MM-dd'T'HH:mm:ss" + offset);
            for (var digits = 1; digits <= 7; digits++)
            {
                formats.Add("yyyy-MM-dd'T'HH:mm:ss." + new string('f', digits) + offset);
            }
        }

        return [.. formats];
    }

    private static string? Truncate(string? text) => text is { Length: > 64 } ? text[..64] + "…" : text;
}
