using AutoResumeFiller.Data.Logging;

namespace AutoResumeFiller.Data.Backups;

/// <summary>Exports (DESIGN §8): the full archive of a manual backup, written anywhere; and listing them in the backups folder.</summary>
internal sealed partial class BackupStore
{
    /// <summary>The name the Python app gives its exports: <c>autoresumefiller_backup_YYYYMMDD_HHMMSS.zip</c>.</summary>
    public const string PythonExportPrefix = "autoresumefiller_backup";

    /// <summary>
    /// Writes the full archive of a manual backup (metadata kind <c>export</c>) to a flushed temp file beside
    /// <paramref name="archivePath"/>, then renames it there without replacing anything, and flushes the folder. Caller
    /// holds a lock and has checked the path (its folder exists; no file there).
    /// </summary>
    /// <exception cref="ArgumentException">A file appeared at <paramref name="archivePath"/> meanwhile; it was left alone.</exception>
    public FullBackup CreateExport(string archivePath, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var contents = CollectFullContents(BackupKind.Export);
        var (tempPath, _) = WriteArchiveTemp(BackupKind.Export, BackupMetadata.ExportKindName, contents, progress, cancellationToken, archive: new ArchiveTarget(archivePath, null, null));
        try
        {
            fileSystem.File.Move(tempPath, archivePath, overwrite: false);
        }
        catch (IOException ex) when (fileSystem.File.Exists(archivePath))
        {
            writer.TryDelete(tempPath);
            throw ExportTargetExists(archivePath, ex);
        }
        catch
        {
            writer.TryDelete(tempPath);
            throw;
        }

        writer.FlushDirectory(fileSystem.Path.GetDirectoryName(archivePath)!);
        Log.BackupCreated(logger, BackupKind.Export, archivePath, contents.Sources.Count, contents.Sources.Sum(s => s.Length), time.GetElapsedTime(started).TotalMilliseconds);
        return new FullBackup(archivePath, contents.LeftOut);
    }

    /// <summary>The error for an export over an existing file: never replaced, whoever made it.</summary>
    public static ArgumentException ExportTargetExists(string archivePath, Exception? inner = null) =>
        new($"'{archivePath}' already exists; an export never replaces a file. Choose a new file name.", nameof(archivePath), inner);

    /// <summary>
    /// Describes an export lying in the backups folder (ours, named freely, or the Python app's), with the time and kind its
    /// metadata records; null for any other file.
    /// </summary>
    private BackupInfo? TryDescribeExport(string path, string fileName)
    {
        var file = fileSystem.FileInfo.New(path);
        if (!file.Exists || file.LinkTarget is not null)
        {
            return null;
        }

        var metadata = BackupMetadataReader.TryRead(fileSystem, path);
        return metadata is not null && BackupMetadata.ParseKind(metadata.Kind) == BackupKind.Export
            ? new BackupInfo(path, fileName, BackupKind.Export, DateTime.SpecifyKind(metadata.CreatedAt, DateTimeKind.Utc), file.Length) { Name = BackupMetadata.ExportKindName }
            : null;
    }
}
