using System.Buffers.Binary;
using System.IO.Abstractions;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>Reads backup archives from a mock disk, and builds archives (honest or hostile) in memory.</summary>
internal static class ManagerArchives
{
    /// <summary>Every entry of the archive at <paramref name="path"/>, by full name, with its uncompressed bytes.</summary>
    public static IReadOnlyDictionary<string, byte[]> ReadEntries(IFileSystem fileSystem, string path)
    {
        using var stream = new MemoryStream(fileSystem.File.ReadAllBytes(path));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            result.Add(entry.FullName, copy.ToArray());
        }

        return result;
    }

    /// <summary>The archive's entries with their uncompressed and compressed lengths.</summary>
    public static IReadOnlyDictionary<string, (long Length, long CompressedLength)> ReadSizes(IFileSystem fileSystem, string path)
    {
        using var stream = new MemoryStream(fileSystem.File.ReadAllBytes(path));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e => (e.Length, e.CompressedLength), StringComparer.Ordinal);
    }

    public static JsonElement ReadMetadata(IFileSystem fileSystem, string path) =>
        JsonDocument.Parse(ReadEntries(fileSystem, path)["metadata.json"]).RootElement.Clone();

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Builds a stored (uncompressed) zip by hand, so the central directory can claim sizes the data does not
    /// have: <c>ClaimedLength</c> / <c>ClaimedCompressedLength</c> replace the true sizes there (Zip64 when ≥ 4 GiB).
    /// </summary>
    public static byte[] HandBuilt(IEnumerable<(string Name, byte[] Content, long? ClaimedLength, long? ClaimedCompressedLength)> entries)
    {
        using var output = new MemoryStream();
        var central = new MemoryStream();
        var count = 0;
        foreach (var (name, content, claimedLength, claimedCompressed) in entries)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var crc = Crc32(content);
            var offset = (uint)output.Position;
            WriteUInt32(output, 0x04034b50);
            WriteUInt16(output, 20);
            WriteUInt16(output, 0);
            WriteUInt16(output, 0);
            WriteUInt16(output, 0);
            WriteUInt16(output, 0x21);
            WriteUInt32(output, crc);
            WriteUInt32(output, (uint)content.Length);
            WriteUInt32(output, (uint)content.Length);
            WriteUInt16(output, (ushort)nameBytes.Length);
            WriteUInt16(output, 0);
            output.Write(nameBytes);
            output.Write(content);

            var length = claimedLength ?? content.Length;
            var compressed = claimedCompressed ?? content.Length;
            var zip64 = length >= uint.MaxValue;
            WriteUInt32(central, 0x02014b50);
            WriteUInt16(central, zip64 ? (ushort)45 : (ushort)20);
            WriteUInt16(central, zip64 ? (ushort)45 : (ushort)20);
            WriteUInt16(central, 0);
            WriteUInt16(central, 0);
            WriteUInt16(central, 0);
            WriteUInt16(central, 0x21);
            WriteUInt32(central, crc);
            WriteUInt32(central, (uint)compressed);
            WriteUInt32(central, zip64 ? uint.MaxValue : (uint)length);
            WriteUInt16(central, (ushort)nameBytes.Length);
            WriteUInt16(central, zip64 ? (ushort)12 : (ushort)0);
            WriteUInt16(central, 0);
            WriteUInt16(central, 0);
            WriteUInt16(central, 0);
            WriteUInt32(central, 0);
            WriteUInt32(central, offset);
            central.Write(nameBytes);
            if (zip64)
            {
                WriteUInt16(central, 0x0001);
                WriteUInt16(central, 8);
                var size = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(size, length);
                central.Write(size);
            }

            count++;
        }

        var centralOffset = (uint)output.Position;
        central.Position = 0;
        central.CopyTo(output);
        WriteUInt32(output, 0x06054b50);
        WriteUInt16(output, 0);
        WriteUInt16(output, 0);
        WriteUInt16(output, (ushort)count);
        WriteUInt16(output, (ushort)count);
        WriteUInt32(output, (uint)central.Length);
        WriteUInt32(output, centralOffset);
        WriteUInt16(output, 0);
        return output.ToArray();
    }

    /// <summary>A <c>metadata.json</c> of the given kind listing <paramref name="records"/>.</summary>
    public static byte[] Metadata(string kind, IEnumerable<(string Path, long SizeBytes, string Sha256)> records)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("kind", kind);
            json.WriteString("created_at", "2025-01-02T03:04:05Z");
            json.WriteString("version", "1.0");
            json.WriteString("source_path", "/elsewhere");
            json.WriteStartArray("files");
            foreach (var (path, size, sha) in records)
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteNumber("size_bytes", size);
                json.WriteString("sha256", sha);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("missing");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
