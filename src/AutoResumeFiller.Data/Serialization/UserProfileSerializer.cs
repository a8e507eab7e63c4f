using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>
/// Reads and writes the on-disk JSON form of a <see cref="UserProfile"/> (snake_case keys, UTF-8
/// without BOM, indent 2, <c>\n</c> line ends). Parsing does not validate; see <see cref="UserProfileValidator"/>.
/// </summary>
/// <remarks>Thread-safe: all members are stateless.</remarks>
public static class UserProfileSerializer
{
    /// <summary>The file name parse errors refer to.</summary>
    public const string ProfileFileName = "user_profile.json";

    // The serializer's default depth (JsonSerializerOptions.DefaultMaxDepth): a Utf8JsonWriter's own default is 1,000, and
    // extension data deeper than the reader accepts would be written into a file that then fails to load.
    private const int ReaderMaxDepth = 64;

    // The on-disk layout of ProfileJsonContext.Writer, for the writer the serializer writes through.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = ProfileJsonContext.Writer.Options.Encoder,
        Indented = ProfileJsonContext.Writer.Options.WriteIndented,
        IndentCharacter = ProfileJsonContext.Writer.Options.IndentCharacter,
        IndentSize = ProfileJsonContext.Writer.Options.IndentSize,
        NewLine = ProfileJsonContext.Writer.Options.NewLine,
        MaxDepth = ReaderMaxDepth,
    };

    /// <summary>Serializes <paramref name="profile"/> to UTF-8 JSON bytes exactly as they are stored on disk.</summary>
    /// <param name="profile">The profile to serialize.</param>
    /// <returns>UTF-8 bytes without BOM, ending with a newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    public static byte[] Serialize(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var buffer = new ArrayBufferWriter<byte>();
        SerializeToBuffer(profile, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes <paramref name="profile"/> to <paramref name="destination"/> as stored on disk.</summary>
    /// <param name="profile">The profile to serialize.</param>
    /// <param name="destination">The stream to write to; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Serialize(UserProfile profile, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = new ArrayBufferWriter<byte>();
        SerializeToBuffer(profile, buffer);
        destination.Write(buffer.WrittenSpan);
    }

    /// <summary>Serializes <paramref name="profile"/> into <paramref name="destination"/>, byte for byte as <see cref="Serialize(UserProfile)"/> returns it.</summary>
    /// <remarks>On failure (a number JSON cannot hold, unwritable or too deep extension data) <paramref name="destination"/> may hold a partial document.</remarks>
    internal static void SerializeToBuffer(UserProfile profile, IBufferWriter<byte> destination)
    {
        using (var writer = new Utf8JsonWriter(destination, WriterOptions))
        {
            JsonSerializer.Serialize(writer, profile, ProfileJsonContext.Writer.UserProfile);
        }

        destination.GetSpan(1)[0] = (byte)'\n';
        destination.Advance(1);
    }

    /// <summary>Parses UTF-8 JSON into a <see cref="UserProfile"/> without validating it.</summary>
    /// <param name="utf8Json">The file content.</param>
    /// <returns>The parsed profile.</returns>
    /// <exception cref="ProfileCorruptedException">
    /// The content is not well-formed JSON of the profile's shape; the message starts
    /// <c>Failed to parse user_profile.json: </c> followed by the parser's line, position and JSON path.
    /// </exception>
    public static UserProfile Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            ThrowIfNotUtf8(utf8Json);
            return JsonSerializer.Deserialize(utf8Json, ProfileJsonContext.Default.UserProfile)
                ?? throw new JsonException("The file contains 'null' instead of a profile object. Path: $ | LineNumber: 0 | BytePositionInLine: 0.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or DecoderFallbackException or ArgumentException or NotSupportedException)
        {
            throw new ProfileCorruptedException(ParseErrorMessage(ex), [], ex);
        }
    }

    /// <summary>Builds the contract message <c>Failed to parse user_profile.json: …</c> for a parser failure.</summary>
    internal static string ParseErrorMessage(Exception parserError)
    {
        var details = parserError.Message;

        // STJ appends the location only to its own messages, not to those a converter throws with a message.
        if (parserError is JsonException { Path: { } path } json && !details.Contains(" Path: ", StringComparison.Ordinal))
        {
            details = string.Create(CultureInfo.InvariantCulture, $"{details} Path: {path} | LineNumber: {json.LineNumber} | BytePositionInLine: {json.BytePositionInLine}.");
        }

        return $"Failed to parse {ProfileFileName}: {details}";
    }

    // The reader checks UTF-8 only in the strings it decodes; unknown values would otherwise be kept
    // undecoded and written back with U+FFFD in place of the bad bytes.
    private static void ThrowIfNotUtf8(ReadOnlySpan<byte> utf8Json)
    {
        if (Utf8.IsValid(utf8Json))
        {
            return;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(utf8Json[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        var line = utf8Json[..offset].Count((byte)'\n');
        var lineStart = utf8Json[..offset].LastIndexOf((byte)'\n') + 1;
        throw new JsonException(string.Create(
            CultureInfo.InvariantCulture,
            $"The file is not valid UTF-8: invalid byte 0x{utf8Json[offset]:X2}. LineNumber: {line} | BytePositionInLine: {offset - lineStart}."));
    }
}
