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
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal;

    private const string WriteFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    // ISO-8601 date-times only (0–7 fraction digits; Z, ±hh:mm or no offset): never culture-dependent or clock-dependent forms.
    internal static readonly string[] IsoFormats = BuildIsoFormats();

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO-8601 timestamp string.");
        }

        var text = reader.GetString();
        if (!TryParseTimestamp(text, out var value))
        {
            throw new JsonException($"'{Truncate(text)}' is not an ISO-8601 timestamp.");
        }

        return value;
    }

    /// <summary>
    /// Parses a timestamp string value exactly as <see cref="Read"/> does (UTC kind; no offset means UTC).
    /// Used by <see cref="Read"/> only.
    /// </summary>
    internal static bool TryParseTimestamp(string? text, out DateTime value)
    {
        value = default;
        if (text is not { Length: <= 64 })
        {
            return false;
        }

        // Trying all formats in order costs microseconds per load. Each format only matches texts of one length, so the
        // one format a text's shape allows is tried first: any format before it that matched would read the same UTC instant.
        // Parsed as a DateTimeOffset: DateTime.TryParseExact turned an instant before year 1 in UTC
        // ("0001-01-01T00:00:00+01:00") into a wrong time of day instead of refusing it.
        if ((LikelyFormat(text) is { } likely && DateTimeOffset.TryParseExact(text, likely, CultureInfo.InvariantCulture, Styles, out var parsed))
            || DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, Styles, out parsed))
        {
            value = parsed.UtcDateTime;
            return true;
        }

        return false;
    }

    // "yyyy-MM-ddTHH:mm:ss" (19 characters), then '.' and 1–7 fraction digits, then an optional 'Z': as written by this library and the Python app.
    private static string? LikelyFormat(string text)
    {
        var zulu = text.EndsWith('Z');
        var digits = (zulu ? text.Length - 1 : text.Length) - 20;
        return text.Length < 19 || digits > 7 || (digits >= 0 && text[19] != '.') ? null : IsoFormats[(zulu ? 8 : 0) + Math.Max(digits, 0)];
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => WriteUtcValue(writer, value);

    /// <summary>
    /// Writes <paramref name="value"/> as a UTC ISO-8601 string value (0–7 fraction digits, trailing zeros
    /// dropped, <c>Z</c> suffix); an unspecified kind counts as UTC.
    /// </summary>
    internal static void WriteUtcValue(Utf8JsonWriter writer, DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };

        // At most 28 ASCII bytes ("yyyy-MM-ddTHH:mm:ss.fffffffZ"), formatted without allocating a string.
        Span<byte> utf8 = stackalloc byte[32];
        if (!utc.TryFormat(utf8, out var written, WriteFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A UTC timestamp did not fit its 32-byte buffer.");
        }

        writer.WriteStringValue(utf8[..written]);
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
