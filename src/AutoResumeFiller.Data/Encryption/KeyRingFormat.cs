using System.Text.Json;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>Turns a key ring into the key ring file's JSON bytes and back.</summary>
internal static class KeyRingFormat
{
    public static byte[] Serialize(EncryptionKeyRing ring) => JsonSerializer.SerializeToUtf8Bytes(
        new KeyRingDocument
        {
            Format = KeyRingDocument.FormatName,
            Version = 1,
            CurrentKeyId = ring.CurrentKey.Id,
            Keys = [.. ring.Keys.Select(k => new KeyDocument { Id = k.Id, CreatedAt = k.CreatedAt, Key = Convert.ToBase64String(k.Material) })],
        },
        KeyRingJsonContext.Default.KeyRingDocument);

    /// <exception cref="FormatException">Not a key ring this version understands.</exception>
    public static EncryptionKeyRing Deserialize(ReadOnlySpan<byte> json)
    {
        KeyRingDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, KeyRingJsonContext.Default.KeyRingDocument);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON ({ex.Message})", ex);
        }

        if (document is not { Format: KeyRingDocument.FormatName, Version: 1, CurrentKeyId: not null, Keys: not null })
        {
            throw new FormatException("not a version 1 key ring");
        }

        try
        {
            return new EncryptionKeyRing(
                document.Keys.Select(k => new EncryptionKey(k.Id ?? string.Empty, k.CreatedAt, Convert.FromBase64String(k.Key ?? string.Empty))),
                document.CurrentKeyId);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new FormatException(ex.Message, ex);
        }
    }
}
