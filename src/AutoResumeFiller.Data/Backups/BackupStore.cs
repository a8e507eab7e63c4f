using System.IO.Abstractions;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;
using AutoResumeFiller.Data.Serialization;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// Creates, lists and rotates backup archives. Every archive is written to a temp name, flushed and renamed
/// into place (0600), so a crash never leaves a half archive under a real backup name. Callers hold the lock.
/// </summary>
internal sealed class BackupStore(
    IFileSystem fileSystem,
    DataLayout layout,
    AtomicFileWriter writer,
    PosixPermissions permissions,
    DiskSpace diskSpace,
    TimeProvider time,
    UserDataManagerOptions options,
    ILogger logger)
{
    // S_IFREG | 0600 in the upper 16 bits, so unzip tools recreate files private to the user.
    private const int PrivateFileAttributes = (0x8000 | 0x180) << 16;

    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <summary>Backs up the current profile before a save; failures are logged and swallowed so the save goes on. Caller holds the exclusive lock.</summary>
    public void TryCreateAutoBackup()
    {
        if (!fileSystem.File.Exists(layout.ProfilePath))
        {
            return;
        }

        var started = time.GetTimestamp();
        try
        {
            var path = CreateArchive(BackupKind.Auto, BackupNaming.AutoPrefix, [new(layout.ProfilePath, BackupEntryNames.AutoProfile, fileSystem.FileInfo.New(layout.ProfilePath).Length)], [], null, CancellationToken.None);
            Log.AutoBackupCreated(logger, path, time.GetElapsedTime(started).TotalMilliseconds);
            Rotate();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.AutoBackupFailed(logger, ex);
        }
    }

    /// <summary>Backs up the profile, <c>config.yaml</c>, <c>resumes/**</c> and <c>cover_letters/**</c>. Caller holds a lock.</summary>
    public string CreateFull(BackupKind kind, string name, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var missing = new List<string>();
        var sources = CollectFullSources(missing);
        var path = CreateArchive(kind, name, sources, missing, progress, cancellationToken);
        Log.BackupCreated(logger, kind, path, sources.Count, sources.Sum(s => s.Length), time.GetElapsedTime(started).TotalMilliseconds);
        return path;
    }

    /// <summary>Lists backups, newest first by the time in their names (then the counter); ignores temp and foreign files.</summary>
    public IReadOnlyList<BackupInfo> List()
    {
        if (!fileSystem.Directory.Exists(layout.BackupsFolder))
        {
            return [];
        }

        var found = new List<BackupInfo>();
        foreach (var path in fileSystem.Directory.EnumerateFiles(layout.BackupsFolder, "*.zip"))
        {
            var fileName = fileSystem.Path.GetFileName(path);
            if (BackupNaming.TryParse(fileName, out var kind, out var name, out var createdAt, out var sequence))
            {
                var file = fileSystem.FileInfo.New(path);
                if (file.Exists && file.LinkTarget is null)
                {
                    found.Add(new BackupInfo(path, fileName, kind, createdAt, file.Length) { Sequence = sequence, Name = name });
                }
            }
        }

        return [.. found
            .OrderByDescending(b => b.CreatedAt)
            .ThenByDescending(b => b.Sequence)
            .ThenBy(b => b.FileName, StringComparer.Ordinal)];
    }

    private void Rotate()
    {
        foreach (var old in List().Where(b => b.Kind == BackupKind.Auto).Skip(options.MaxAutoBackups))
        {
            try
            {
                fileSystem.File.Delete(old.Path);
                Log.AutoBackupRotated(logger, old.Path, options.MaxAutoBackups);
            }
            catch (Exception ex) when (IoErrors.IsIoFailure(ex))
            {
                Log.AutoBackupRotationFailed(logger, old.Path, ex);
            }
        }
    }

    private List<Source> CollectFullSources(List<string> missing)
    {
        var sources = new List<Source>();
        AddFileOrMissing(sources, missing, layout.ProfilePath, BackupEntryNames.FullProfile);
        AddFileOrMissing(sources, missing, layout.ConfigPath, BackupEntryNames.Config);
        AddFolderOrMissing(sources, missing, layout.ResumesFolder, BackupEntryNames.ResumesPrefix);
        AddFolderOrMissing(sources, missing, layout.CoverLettersFolder, BackupEntryNames.CoverLettersPrefix);
        return sources;
    }

    private void AddFileOrMissing(List<Source> sources, List<string> missing, string path, string entryName)
    {
        var file = fileSystem.FileInfo.New(path);
        if (file.Exists && file.LinkTarget is null)
        {
            sources.Add(new Source(path, entryName, file.Length));
        }
        else
        {
            missing.Add(entryName);
        }
    }

    private void AddFolderOrMissing(List<Source> sources, List<string> missing, string folder, string prefix)
    {
        var directory = fileSystem.DirectoryInfo.New(folder);
        if (!directory.Exists || directory.LinkTarget is not null)
        {
            missing.Add(prefix);
            return;
        }

        // Links are skipped, never followed: a link in resumes/ must not pull files from elsewhere into a backup.
        var files = FileTree.EnumerateFiles(fileSystem, folder)
            .Select(f => new Source(f.FullName, prefix + fileSystem.Path.GetRelativePath(folder, f.FullName).Replace('\\', '/'), f.Length))
            .Where(s => BackupEntryNames.IsSafe(s.EntryName))
            .OrderBy(s => s.EntryName, StringComparer.Ordinal);
        sources.AddRange(files);
    }

    private string CreateArchive(BackupKind kind, string name, IReadOnlyList<Source> sources, List<string> missing, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var createdAt = TruncateToSeconds(time.GetUtcNow().UtcDateTime);
        var totalBytes = sources.Sum(s => s.Length);
        permissions.EnsurePrivateDirectory(layout.BackupsFolder);
        diskSpace.EnsureAvailable(layout.BackupsFolder, totalBytes + options.MinimumFreeDiskSpaceBytes);

        // Manual and pre-restore backups deflate at level 6 (DESIGN.md); an auto-backup runs inside every save and
        // holds one small JSON file, so it uses the fastest level (still ~4:1 on JSON) to keep saves cheap.
        var level = kind == BackupKind.Auto ? CompressionLevel.Fastest : CompressionLevel.Optimal;
        var metadata = new BackupMetadata
        {
            Kind = BackupMetadata.KindName(kind),
            CreatedAt = createdAt,
            SourcePath = layout.Root,
            Missing = missing,
        };

        // Start after the highest counter already used this second: when rotation has deleted the oldest same-second
        // backups, reusing a freed low counter would make the new backup sort as the oldest and be rotated away at once.
        var taken = List().Where(b => b.Name == name && b.CreatedAt == createdAt).Select(b => b.Sequence).DefaultIfEmpty(0).Max();
        return writer.WriteUnique(
            sequence => fileSystem.Path.Combine(layout.BackupsFolder, BackupNaming.FileName(name, createdAt, sequence + taken)),
            stream =>
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
            });
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
}
