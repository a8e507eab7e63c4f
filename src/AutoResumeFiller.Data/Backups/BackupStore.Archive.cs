using System.IO.Abstractions;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Backups;

/// <summary>Writing one archive: its entries streamed and hashed, its metadata, its flush and its rename to a backup name.</summary>
internal sealed partial class BackupStore
{
    // S_IFREG | 0600 in the upper 16 bits, so unzip tools recreate files private to the user.
    private const int PrivateFileAttributes = (0x8000 | 0x180) << 16;

    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <summary>
    /// Renames a flushed archive to <c>{name}_{time}[_N].zip</c>, never over an existing file, and flushes the folder.
    /// The counter starts after the highest one <paramref name="existing"/> used in the same second: when rotation has
    /// deleted the oldest same-second backups, reusing a freed low counter would make the new backup sort as the oldest
    /// and be rotated away at once.
    /// </summary>
    private string CommitArchive(string tempPath, string name, DateTime createdAt, List<BackupInfo> existing)
    {
        var taken = existing.Where(b => b.CreatedAt == createdAt).Select(b => b.Sequence).DefaultIfEmpty(0).Max();
        return writer.CommitUnique(tempPath, sequence => fileSystem.Path.Combine(layout.BackupsFolder, BackupNaming.FileName(name, createdAt, sequence + taken, encryption.ArchiveExtension)));
    }

    /// <summary>Writes an archive of <paramref name="contents"/> to a flushed temp file in the backups folder.</summary>
    /// <remarks>
    /// An <paramref name="archive"/> target writes the temp file beside that path instead (an export), with the time and
    /// source it gives (an imported legacy backup); without one, the archive goes to the backups folder, made now.
    /// </remarks>
    private (string TempPath, DateTime CreatedAt) WriteArchiveTemp(BackupKind kind, string name, Contents contents, IProgress<BackupProgress>? progress, CancellationToken cancellationToken, ArchiveTarget? archive = null)
    {
        var createdAt = TruncateToSeconds(archive?.CreatedAt ?? time.GetUtcNow().UtcDateTime);
        var sources = contents.Sources;
        var totalBytes = sources.Sum(s => s.Length);
        var folder = archive?.Path is { } exportPath ? fileSystem.Path.GetDirectoryName(exportPath)! : layout.BackupsFolder;
        if (archive?.Path is null)
        {
            permissions.EnsurePrivateDirectory(layout.BackupsFolder);
        }

        diskSpace.EnsureAvailable(folder, totalBytes + options.MinimumFreeDiskSpaceBytes);

        // Manual and pre-restore backups deflate at level 6 (DESIGN.md). An auto-backup runs inside every save and holds
        // one small JSON file: it is stored, not deflated, so a save pays no compression (deflating even at the fastest
        // level cost more than the rest of the backup); ten of them take ten profiles' worth of disk.
        var level = kind == BackupKind.Auto ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
        var metadata = new BackupMetadata
        {
            Kind = BackupMetadata.KindName(kind),
            CreatedAt = createdAt,
            SourcePath = archive?.SourcePath ?? layout.Root,
            Missing = [.. contents.Missing],
            LeftOut = contents.LeftOut.Count == 0 ? null : [.. contents.LeftOut.Select(f => f.EntryName)],
        };

        var targetPath = archive?.Path ?? fileSystem.Path.Combine(layout.BackupsFolder, BackupNaming.FileName(name, createdAt, 1, encryption.ArchiveExtension));
        var tempPath = writer.WriteTemp(
            targetPath,
            writeContent: file => encryption.WriteArchive(file, targetPath, stream =>
            {
                long done = 0;
                var filesDone = 0;
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var source in sources)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var record = AddEntry(zip, source, createdAt, level, read =>
                        {
                            done += read;
                            progress?.Report(new BackupProgress(done, totalBytes, filesDone, sources.Count, source.EntryName));
                        }, cancellationToken);
                        if (record is null)
                        {
                            metadata.Missing.Add(source.EntryName);
                        }
                        else
                        {
                            metadata.Files.Add(record);
                        }

                        filesDone++;
                        progress?.Report(new BackupProgress(done, totalBytes, filesDone, sources.Count, source.EntryName));
                    }

                    var entry = zip.CreateEntry(BackupMetadata.EntryName, level);
                    entry.LastWriteTime = createdAt;
                    entry.ExternalAttributes = PrivateFileAttributes;
                    using var metadataStream = entry.Open();
                    JsonSerializer.Serialize(metadataStream, metadata, ProfileJsonContext.Default.BackupMetadata);
                }
            }));
        return (tempPath, createdAt);
    }

    /// <summary>Streams one file into the archive, hashing as it goes; null when the file vanished before it could be opened.</summary>
    private BackupFileRecord? AddEntry(ZipArchive zip, Source source, DateTime createdAt, CompressionLevel compressibleLevel, Action<int> onChunk, CancellationToken cancellationToken)
    {
        if (source.Length == 0)
        {
            // Named pipes, sockets and devices report 0 bytes, and opening a pipe blocks until a writer comes (for ever,
            // while this backup holds the lock): a file listed as empty is stored empty without being opened.
            var empty = zip.CreateEntry(source.EntryName, CompressionLevel.NoCompression);
            empty.LastWriteTime = createdAt;
            empty.ExternalAttributes = PrivateFileAttributes;
            return new BackupFileRecord { Path = source.EntryName, SizeBytes = 0, Sha256 = EmptySha256 };
        }

        FileSystemStream input;
        try
        {
            input = fileSystem.FileStream.New(source.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (input)
        {
            var level = BackupEntryNames.IsAlreadyCompressed(source.EntryName) ? CompressionLevel.NoCompression : compressibleLevel;
            var entry = zip.CreateEntry(source.EntryName, level);
            entry.LastWriteTime = createdAt;
            entry.ExternalAttributes = PrivateFileAttributes;
            using var output = entry.Open();
            var (bytes, sha256) = HashingCopy.Copy(input, output, long.MaxValue, onChunk, cancellationToken);
            return new BackupFileRecord { Path = source.EntryName, SizeBytes = bytes, Sha256 = sha256 };
        }
    }

    private static DateTime TruncateToSeconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private sealed record Source(string Path, string EntryName, long Length);

    /// <summary>What an archive holds (<paramref name="Sources"/>), and what its metadata records it does not.</summary>
    /// <param name="Sources">The files to store, in entry order.</param>
    /// <param name="Missing">The parts absent from the data directory (<c>missing</c>).</param>
    /// <param name="LeftOut">The files left out because no backup can hold their names (<c>left_out</c>).</param>
    private sealed record Contents(List<Source> Sources, List<string> Missing, List<LeftOutFile> LeftOut);
}
