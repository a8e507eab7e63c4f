using System.IO.Abstractions;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// Rewrites one backup archive as an encrypted one under the current key, for <c>EncryptExistingData</c> and
/// <c>RotateEncryptionKey</c>: every entry is streamed across unchanged (memory stays flat), except the profile, which is
/// re-encoded in memory (encrypted, or re-encrypted under the current key) and renamed <c>….enc</c>, and
/// <c>metadata.json</c>, whose record of the profile gets the new name, size and SHA-256. The new archive is written to a
/// flushed temp file; the caller renames it into place.
/// </summary>
internal sealed class BackupTranscoder(IFileSystem fileSystem, AtomicFileWriter writer, DataEncryption encryption)
{
    // S_IFREG | 0600, as the backup writer sets it.
    private const int PrivateFileAttributes = (0x8000 | 0x180) << 16;

    /// <summary>Writes the encrypted form of <paramref name="sourcePath"/> for <paramref name="targetPath"/> to a flushed temp file.</summary>
    /// <returns>The temp file.</returns>
    /// <exception cref="DataDecryptionException">The source (or its profile) fails authentication, or its key is missing.</exception>
    /// <exception cref="InvalidDataException">The source is not a readable ZIP archive.</exception>
    public string WriteTemp(string sourcePath, string targetPath)
    {
        using var file = fileSystem.FileStream.New(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var archive = encryption.OpenArchive(file, sourcePath);
        using var source = new ZipArchive(archive, ZipArchiveMode.Read);
        var profile = source.Entries.FirstOrDefault(e => IsProfileEntry(e.FullName));
        (string Name, byte[] Bytes)? encoded = profile is null ? null : EncodeProfile(profile);
        return writer.WriteTemp(targetPath, output => encryption.WriteArchive(output, targetPath, stream =>
        {
            using var target = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var entry in source.Entries)
            {
                if (entry == profile)
                {
                    WriteEntry(target, encoded!.Value.Name, entry, content => content.Write(encoded.Value.Bytes));
                }
                else if (entry.FullName == BackupMetadata.EntryName && encoded is { } changed)
                {
                    var metadata = UpdatedMetadata(entry, profile!.FullName, changed.Name, changed.Bytes);
                    WriteEntry(target, entry.FullName, entry, content => content.Write(metadata));
                }
                else
                {
                    WriteEntry(target, entry.FullName, entry, content =>
                    {
                        using var input = entry.Open();
                        input.CopyTo(content);
                    });
                }
            }
        }));
    }

    /// <summary>The key ids an archive depends on: its own, and its profile entry's.</summary>
    public IEnumerable<string> KeyIdsUsed(string path)
    {
        using var file = fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var header = new byte[StreamHeader.Size];
        file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var ids = new List<string>();
        if (DataEncryption.KeyIdOf(header) is { } outer)
        {
            ids.Add(outer);
        }

        using var archive = encryption.OpenArchive(file, path);
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
        var profile = zip.Entries.FirstOrDefault(e => IsProfileEntry(e.FullName) && DataEncryption.IsEncryptedName(e.FullName));
        if (profile is not null)
        {
            using var content = profile.Open();
            var start = new byte[StreamHeader.Size];
            content.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            if (DataEncryption.KeyIdOf(start) is { } inner)
            {
                ids.Add(inner);
            }
        }

        return ids;
    }

    private static bool IsProfileEntry(string name) =>
        BackupEntryNames.IsProfile(name, BackupKind.Auto) || BackupEntryNames.IsProfile(name, BackupKind.Manual);

    /// <summary>The profile entry decrypted (if it was encrypted) and encrypted under the current key, named <c>….enc</c>.</summary>
    private (string Name, byte[] Bytes) EncodeProfile(ZipArchiveEntry entry)
    {
        using var input = entry.Open();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var name = DataEncryption.IsEncryptedName(entry.FullName) ? entry.FullName : entry.FullName + DataEncryption.Suffix;
        var plaintext = encryption.DecodeProfile(buffer.ToArray(), entry.FullName);
        try
        {
            return (name, encryption.EncodeProfile(plaintext, name));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] UpdatedMetadata(ZipArchiveEntry entry, string oldName, string newName, byte[] newContent)
    {
        JsonNode? root;
        using (var input = entry.Open())
        {
            root = JsonNode.Parse(input);
        }

        foreach (var record in root?["files"]?.AsArray() ?? [])
        {
            if (record is JsonObject item && item["path"]?.GetValueKind() == JsonValueKind.String && (string?)item["path"] == oldName)
            {
                var sha256 = Convert.ToHexStringLower(SHA256.HashData(newContent));
                item["path"] = newName;
                item["size_bytes"] = newContent.Length;
                item["sha256"] = sha256;
                if (item.ContainsKey("checksum_sha256"))
                {
                    item["checksum_sha256"] = sha256; // the Python app's name for it, in its exports: no stale checksum left behind
                }
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, JsonNodeWriterContext.Default.JsonNode);
    }

    private static void WriteEntry(ZipArchive target, string name, ZipArchiveEntry source, Action<Stream> writeContent)
    {
        var level = source.CompressedLength == source.Length || BackupEntryNames.IsAlreadyCompressed(name) ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
        var entry = target.CreateEntry(name, level);
        entry.LastWriteTime = source.LastWriteTime;
        entry.ExternalAttributes = PrivateFileAttributes;
        using var content = entry.Open();
        writeContent(content);
    }
}
