using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// The value readers of <see cref="ProfileJsonReader"/>: each reads the value the reader is on as System.Text.Json's
/// converter for that type would, or returns <see langword="false"/> so that System.Text.Json decides.
/// </summary>
internal static partial class ProfileJsonReader
{
    /// <summary>
    /// Reads one list item. Implemented by structs, so the JIT compiles <see cref="TryReadList"/> for each kind of item
    /// with a direct call (string lists are most of a profile's values; a delegate per item cost about 5 % of a load).
    /// </summary>
    private interface IItemReader<T>
        where T : class
    {
        bool TryRead(ref Utf8JsonReader reader, out T? item);
    }

    private static bool TryReadStrings(ref Utf8JsonReader reader, out List<string>? list) =>
        TryReadList<string, StringItems>(ref reader, default, out list);

    private static bool TryReadList<T, TItems>(ref Utf8JsonReader reader, TItems itemReader, out List<T>? list)
        where T : class
        where TItems : struct, IItemReader<T>
    {
        list = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var items = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (!itemReader.TryRead(ref reader, out var item))
            {
                return false;
            }

            items.Add(item!); // System.Text.Json keeps a null item; validation reports it
        }

        list = items;
        return true;
    }

    // System.Text.Json sets null for a JSON null even on a non-nullable string property; validation reports it.
    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? GetString(ref reader) : null;
        return value is not null || reader.TokenType == JsonTokenType.Null;
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
        value = reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : null;
        return value is not null || reader.TokenType == JsonTokenType.Null;
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

    private readonly struct StringItems : IItemReader<string>
    {
        public bool TryRead(ref Utf8JsonReader reader, out string? item) => TryReadString(ref reader, out item);
    }
}
