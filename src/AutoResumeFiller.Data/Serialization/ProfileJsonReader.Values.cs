using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// The value readers of <see cref="ProfileJsonReader"/>: each reads the value the reader is on as System.Text.Json's
/// converter for that type would, or returns <see langword="false"/> so that System.Text.Json decides.
/// </summary>
internal static partial class ProfileJsonReader
{
    private static bool TryReadList<T>(ref Utf8JsonReader reader, ValueReader<T?> readItem, out List<T>? list)
        where T : class
    {
        list = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var items = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (!readItem(ref reader, out var item))
            {
                return false;
            }

            items.Add(item!); // System.Text.Json keeps a null item; validation reports it
        }

        list = items;
        return true;
    }

    // TryReadList's loop with the string reader called directly: string lists are most of a profile's values.
    private static bool TryReadStrings(ref Utf8JsonReader reader, out List<string>? list)
    {
        list = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var items = new List<string>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (!TryReadString(ref reader, out var item))
            {
                return false;
            }

            items.Add(item!);
        }

        list = items;
        return true;
    }

    // System.Text.Json sets null for a JSON null even on a non-nullable string property; validation reports it.
    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = GetString(ref reader);
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    // reader.GetString() checks and transcodes UTF-8 in two passes; an unescaped ASCII value (nearly all of a profile)
    // needs one check and a widening copy. Anything else, an invalid byte included, keeps the reader's own result or error.
    private static string GetString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && Ascii.IsValid(reader.ValueSpan))
        {
            return string.Create(reader.ValueSpan.Length, reader.ValueSpan, static (chars, bytes) => Ascii.ToUtf16(bytes, chars, out _));
        }

        return reader.GetString()!;
    }

    // The call System.Text.Json's double converter makes under JsonNumberHandling.Strict (1e400 reads as infinity).
    private static bool TryReadDouble(ref Utf8JsonReader reader, out double? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                value = reader.GetDouble();
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    // UtcDateTimeConverter's own parse; anything it refuses (null included) gets the converter's message from System.Text.Json.
    private static bool TryReadTimestamp(ref Utf8JsonReader reader, out DateTime value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && UtcDateTimeConverter.TryParseTimestamp(reader.GetString(), out value);
    }

    // An unknown property goes to the extension data, kept as a JsonElement. System.Text.Json refuses a second unknown
    // property of the same (unescaped) name and, with AllowDuplicateProperties off, a duplicate anywhere inside the value.
    private static bool TryReadUnknown(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extra)
    {
        var name = reader.GetString()!;
        reader.Read();
        var value = JsonElement.ParseValue(ref reader);
        if (!HasUniquePropertyNames(value))
        {
            return false;
        }

        extra ??= [];
        return extra.TryAdd(name, value);
    }

    private static bool HasUniquePropertyNames(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? names = null;
                foreach (var property in value.EnumerateObject())
                {
                    names ??= new(StringComparer.Ordinal);
                    if (!names.Add(property.Name) || !HasUniquePropertyNames(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (!HasUniquePropertyNames(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
