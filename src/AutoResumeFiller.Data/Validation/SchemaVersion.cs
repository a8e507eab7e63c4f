using System.Globalization;
using System.Text.Json;

namespace AutoResumeFiller.Data;

/// <summary>
/// The profile's schema version policy (DESIGN §4), in one place: <c>version</c> is <c>MAJOR.MINOR</c> (ASCII digits);
/// any <c>1.x</c> is read, and written back with its own version (the model keeps it, unknown fields included); a newer
/// major is refused with <see cref="UnsupportedProfileVersionException"/>; anything else is malformed, a validation error.
/// </summary>
internal static class SchemaVersion
{
    /// <summary>The major version this library reads and writes.</summary>
    public const int SupportedMajor = 1;

    /// <summary>The JSON name of the version property.</summary>
    public const string PropertyName = "version";

    /// <summary>Reads the major version of a well-formed <c>MAJOR.MINOR</c>; false for anything else.</summary>
    public static bool TryParseMajor(string? version, out int major)
    {
        major = 0;
        var dot = version is null ? -1 : version.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && IsNumber(version.AsSpan(0, dot))
            && IsNumber(version.AsSpan(dot + 1))
            && int.TryParse(version.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out major);
    }

    /// <summary>Whether <paramref name="version"/> is well formed with a major version above <see cref="SupportedMajor"/>.</summary>
    public static bool IsNewerThanSupported(string? version) => TryParseMajor(version, out var major) && major > SupportedMajor;

    /// <summary>Throws <see cref="UnsupportedProfileVersionException"/> for a newer major version; a malformed one is left to validation.</summary>
    public static void ThrowIfNewerThanSupported(string? version, Exception? innerException = null)
    {
        if (IsNewerThanSupported(version))
        {
            throw new UnsupportedProfileVersionException(version!, innerException);
        }
    }

    /// <summary>
    /// Finds the top-level <c>version</c> string in a profile file without parsing the rest, for a file that failed to
    /// parse: a newer app's profile may have a shape this one cannot read, and its user must hear "update the app", not
    /// "corrupted". Null when it cannot be found before the first syntax error.
    /// </summary>
    public static string? Peek(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals(PropertyName);
                if (!reader.Read())
                {
                    return null;
                }

                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A syntax error before the version, or a version that is not valid UTF-8: nothing to tell.
        }

        return null;
    }

    private static bool IsNumber(ReadOnlySpan<char> digits) => digits.Length is > 0 and <= 9 && !digits.ContainsAnyExceptInRange('0', '9');
}
