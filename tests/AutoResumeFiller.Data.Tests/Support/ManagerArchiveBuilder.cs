using System.IO.Compression;
using System.Text;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// Builds a backup archive in memory with <see cref="ZipArchive"/>: entries, and a <c>metadata.json</c> that by default
/// lists each entry with its true size and SHA-256. Each knob lets one thing be wrong, for hostile-archive tests.
/// </summary>
internal sealed class ManagerArchiveBuilder
{
    private readonly List<Item> _items = [];
    private readonly List<(string Path, long SizeBytes, string Sha256)> _extraRecords = [];
    private string _kind = "manual";
    private bool _withMetadata = true;

    /// <summary>A manual backup holding a valid profile at <c>data/user_profile.json</c>.</summary>
    public static ManagerArchiveBuilder ValidManual() =>
        new ManagerArchiveBuilder().Add("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile()));

    /// <summary>An auto backup holding a valid profile at <c>user_profile.json</c>.</summary>
    public static ManagerArchiveBuilder ValidAuto() =>
        new ManagerArchiveBuilder().Kind("auto").Add("user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile()));

    public ManagerArchiveBuilder Kind(string kind)
    {
        _kind = kind;
        return this;
    }

    public ManagerArchiveBuilder WithoutMetadata()
    {
        _withMetadata = false;
        return this;
    }

    public ManagerArchiveBuilder Add(string name, string content, bool listed = true) => Add(name, Encoding.UTF8.GetBytes(content), listed);

    /// <summary>Adds an entry; <paramref name="recordedSize"/> / <paramref name="recordedSha256"/> replace the truth in metadata.json.</summary>
    public ManagerArchiveBuilder Add(string name, byte[] content, bool listed = true, int? externalAttributes = null, long? recordedSize = null, string? recordedSha256 = null)
    {
        _items.Add(new Item(name, content, listed, externalAttributes, recordedSize, recordedSha256));
        return this;
    }

    /// <summary>Lists a file in metadata.json that the archive may not hold.</summary>
    public ManagerArchiveBuilder Record(string path, long sizeBytes, string sha256)
    {
        _extraRecords.Add((path, sizeBytes, sha256));
        return this;
    }

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var item in _items)
            {
                var entry = zip.CreateEntry(item.Name, CompressionLevel.Optimal);
                if (item.ExternalAttributes is { } attributes)
                {
                    entry.ExternalAttributes = attributes;
                }

                using var stream = entry.Open();
                stream.Write(item.Content);
            }

            if (_withMetadata)
            {
                var records = _items
                    .Where(i => i.Listed)
                    .Select(i => (i.Name, i.RecordedSize ?? i.Content.Length, i.RecordedSha256 ?? ManagerArchives.Sha256(i.Content)))
                    .Concat(_extraRecords);
                using var stream = zip.CreateEntry("metadata.json").Open();
                stream.Write(ManagerArchives.Metadata(_kind, records));
            }
        }

        return buffer.ToArray();
    }

    private sealed record Item(string Name, byte[] Content, bool Listed, int? ExternalAttributes, long? RecordedSize, string? RecordedSha256);
}
