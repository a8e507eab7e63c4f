using System.IO.Abstractions;
using System.Text.Json;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Watching;

/// <summary>
/// Reads only the top-level <c>last_updated</c> of a profile file: a token scan that skips every other value, with no
/// lock (a save replaces the file atomically, so the bytes read are one complete version) and no validation.
/// </summary>
internal static class ProfileTimestampReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <returns>The timestamp, or <see langword="null"/> when the file is gone, unreadable, undecryptable or has no valid <c>last_updated</c>.</returns>
    public static DateTime? TryRead(IFileSystem fileSystem, string path, ProfileEncoding encoding)
    {
        byte[] bytes;
        try
        {
            bytes = fileSystem.File.ReadAllBytes(path);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            return null;
        }

        try
        {
            return TryParse(encoding.Decode(bytes));
        }
        catch (UserDataException)
        {
            // An encrypted file this key ring cannot open (or one being replaced): no timestamp to report.
            return null;
        }
    }

    internal static DateTime? TryParse(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(json, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTimestamp = reader.ValueTextEquals("last_updated"u8);
                reader.Read();
                if (isTimestamp)
                {
                    return reader.TokenType == JsonTokenType.String
                        && UtcDateTimeConverter.TryParseTimestamp(reader.GetString(), out var value) ? value : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON, or cut short: no timestamp to report.
        }

        return null;
    }
}
