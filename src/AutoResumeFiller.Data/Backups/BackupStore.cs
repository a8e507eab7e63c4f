using System.IO.Abstractions;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// Creates, lists and rotates backup archives. Every archive is written to a temp name, flushed and renamed
/// into place (0600), so a crash never leaves a half archive under a real backup name. Callers hold the lock.
/// </summary>
internal sealed partial class BackupStore(
    IFileSystem fileSystem,
    DataLayout layout,
    AtomicFileWriter writer,
    PosixPermissions permissions,
    DiskSpace diskSpace,
    TimeProvider time,
    UserDataManagerOptions options,
    DataEncryption encryption,
    ILogger logger)
{
    /// <summary>
    /// Backs up the current profile for a save: the archive is written to a temp file in the backups folder, flushed,
    /// and renamed to a new <c>auto_backup_…</c> name (never over an existing file) with its folder flushed. Never
    /// throws: a failure is logged, the temp file removed, and the save goes on without a backup. Caller holds the
    /// exclusive lock.
    /// </summary>
    /// <returns>The auto backups now on disk, the new one included, for <see cref="RotateAutoBackups"/>; <see langword="null"/> when there was nothing to back up or the backup failed.</returns>
    public AutoBackups? TryCreateAutoBackup()
    {
        var started = time.GetTimestamp();
        string? tempPath = null;
        try
        {
            var (profilePath, entryName) = CurrentProfile(BackupKind.Auto);
            var profile = fileSystem.FileInfo.New(profilePath);
            if (!profile.Exists)
            {
                return null;
            }

            // With encryption on, the profile's encrypted bytes go into the (encrypted) archive as they are: never decrypted.
            (tempPath, var createdAt) = WriteArchiveTemp(BackupKind.Auto, BackupNaming.AutoPrefix, new Contents([new(profilePath, entryName, profile.Length)], [], []), null, CancellationToken.None);
            var existing = ListNamed(BackupNaming.AutoPrefix);
            var path = CommitArchive(tempPath, BackupNaming.AutoPrefix, createdAt, existing);
            Log.AutoBackupCreated(logger, path, time.GetElapsedTime(started).TotalMilliseconds);
            var fileName = fileSystem.Path.GetFileName(path);
            if (BackupNaming.TryParse(fileName, out var kind, out var name, out var committedAt, out var sequence))
            {
                existing.Add(new BackupInfo(path, fileName, kind, committedAt, fileSystem.FileInfo.New(path).Length) { Sequence = sequence, Name = name });
            }

            return new AutoBackups(existing);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (tempPath is not null)
            {
                writer.TryDelete(tempPath);
            }

            Log.AutoBackupFailed(logger, ex);
            return null;
        }
    }

    /// <summary>
    /// Deletes the oldest auto backups beyond <see cref="UserDataManagerOptions.MaxAutoBackups"/>, ordered as
    /// <see cref="List"/> orders them. Never throws: a failed delete is logged. Caller holds the exclusive lock.
    /// </summary>
    /// <remarks>
    /// The save calls this after the profile is replaced: freeing a file's blocks makes the next journal commit slower
    /// (much slower on a disk mounted with <c>discard</c>), and that commit should not be one the save waits for.
    /// </remarks>
    public void RotateAutoBackups(AutoBackups autoBackups) => DeleteBeyondNewest(autoBackups.Items, options.MaxAutoBackups, BackupKind.Auto);

    /// <summary>
    /// Deletes the oldest pre-restore backups beyond <see cref="UserDataManagerOptions.MaxPreRestoreBackups"/> (each is a
    /// full copy of the data, so they would otherwise pile up with every restore). Never throws: a failed delete is logged.
    /// Caller holds the exclusive lock.
    /// </summary>
    public void RotatePreRestoreBackups()
    {
        try
        {
            DeleteBeyondNewest(ListNamed(BackupNaming.PreRestorePrefix), options.MaxPreRestoreBackups, BackupKind.PreRestore);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            Log.BackupRotationFailed(logger, BackupKind.PreRestore, layout.BackupsFolder, ex);
        }
    }

    private void DeleteBeyondNewest(List<BackupInfo> backups, int keep, BackupKind kind)
    {
        foreach (var old in NewestFirst(backups).Skip(keep))
        {
            try
            {
                fileSystem.File.Delete(old.Path);
                LogRotated(kind, old.Path, keep);
            }
            catch (Exception ex) when (IoErrors.IsIoFailure(ex))
            {
                Log.BackupRotationFailed(logger, kind, old.Path, ex);
            }
        }
    }

    private void LogRotated(BackupKind kind, string path, int keep)
    {
        if (kind == BackupKind.Auto)
        {
            Log.AutoBackupRotated(logger, path, keep);
        }
        else
        {
            Log.PreRestoreBackupRotated(logger, path, keep);
        }
    }

    /// <summary>
    /// Backs up the profile, <c>config.yaml</c>, <c>resumes/**</c> and <c>cover_letters/**</c>, leaving out (and logging) any
    /// file whose name no backup can hold. Caller holds a lock.
    /// </summary>
    public FullBackup CreateFull(BackupKind kind, string name, IProgress<BackupProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var contents = CollectFullContents(kind);
        var (tempPath, createdAt) = WriteArchiveTemp(kind, name, contents, progress, cancellationToken);
        var path = CommitArchive(tempPath, name, createdAt, ListNamed(name));
        Log.BackupCreated(logger, kind, path, contents.Sources.Count, contents.Sources.Sum(s => s.Length), time.GetElapsedTime(started).TotalMilliseconds);
        return new FullBackup(path, contents.LeftOut);
    }

    /// <summary>Lists backups, newest first by the time in their names (then the counter); ignores temp and foreign files.</summary>
    public IReadOnlyList<BackupInfo> List()
    {
        if (!fileSystem.Directory.Exists(layout.BackupsFolder))
        {
            return [];
        }

        var found = new List<BackupInfo>();
        foreach (var path in fileSystem.Directory.EnumerateFiles(layout.BackupsFolder, "*.zip*"))
        {
            var fileName = fileSystem.Path.GetFileName(path);
            if (BackupNaming.TryParse(fileName, out var kind, out var name, out var createdAt, out var sequence) && name != PythonExportPrefix)
            {
                var file = fileSystem.FileInfo.New(path);
                if (file.Exists && file.LinkTarget is null)
                {
                    found.Add(new BackupInfo(path, fileName, kind, createdAt, file.Length) { Sequence = sequence, Name = name });
                }
            }
            else if (!fileName.StartsWith('.') && TryDescribeExport(path, fileName) is { } export)
            {
                found.Add(export);
            }
        }

        return [.. NewestFirst(found)];
    }

    /// <summary>The one order of backups, for listing and for rotation: newest by the time in the name, then the counter, then the name.</summary>
    private static IOrderedEnumerable<BackupInfo> NewestFirst(IEnumerable<BackupInfo> backups) =>
        backups
            .OrderByDescending(b => b.CreatedAt)
            .ThenByDescending(b => b.Sequence)
            .ThenBy(b => b.FileName, StringComparer.Ordinal);

    /// <summary>
    /// The backups named <paramref name="name"/> (regular files only: links are never counted or deleted), read from the
    /// folder listing with one lstat each (which also gives the size); cheaper than <see cref="List"/>, which reads link targets too.
    /// </summary>
    private List<BackupInfo> ListNamed(string name)
    {
        var found = new List<BackupInfo>();
        var folder = fileSystem.DirectoryInfo.New(layout.BackupsFolder);
        if (!folder.Exists)
        {
            return found;
        }

        foreach (var file in folder.EnumerateFiles(name + "_*.zip*"))
        {
            if (BackupNaming.TryParse(file.Name, out var kind, out var parsedName, out var createdAt, out var sequence)
                && parsedName == name
                && (file.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                found.Add(new BackupInfo(file.FullName, file.Name, kind, createdAt, file.Length) { Sequence = sequence, Name = parsedName });
            }
        }

        return found;
    }

    private Contents CollectFullContents(BackupKind kind)
    {
        var contents = new Contents([], [], []);
        var (profilePath, profileEntry) = CurrentProfile(BackupKind.Manual);
        AddFileOrMissing(contents, profilePath, profileEntry);
        AddFileOrMissing(contents, layout.ConfigPath, BackupEntryNames.Config);
        AddFolderOrMissing(contents, layout.ResumesFolder, BackupEntryNames.ResumesPrefix, kind);
        AddFolderOrMissing(contents, layout.CoverLettersFolder, BackupEntryNames.CoverLettersPrefix, kind);
        return contents;
    }

    private void AddFileOrMissing(Contents contents, string path, string entryName)
    {
        var file = fileSystem.FileInfo.New(path);
        if (file.Exists && file.LinkTarget is null)
        {
            contents.Sources.Add(new Source(path, entryName, file.Length));
        }
        else
        {
            contents.Missing.Add(entryName);
        }
    }

    private void AddFolderOrMissing(Contents contents, string folder, string prefix, BackupKind kind)
    {
        if (!UserFiles.IsRealFolder(fileSystem, folder))
        {
            contents.Missing.Add(prefix);
            return;
        }

        // Links are skipped, never followed: a link in resumes/ must not pull files from elsewhere into a backup. A name no
        // backup can hold is left out, said, and recorded (a restore leaves such a file in place, so it is never lost).
        var files = new List<Source>();
        foreach (var file in UserFiles.In(fileSystem, folder, prefix))
        {
            if (file.WhyUnstorable is { } reason)
            {
                Log.BackupLeftOutFile(logger, kind, BackupEntryNames.Printable(file.Info.FullName), reason);
                contents.LeftOut.Add(new LeftOutFile(file.EntryName, reason));
            }
            else
            {
                files.Add(new Source(file.Info.FullName, file.EntryName, file.Info.Length));
            }
        }

        contents.Sources.AddRange(files.OrderBy(s => s.EntryName, StringComparer.Ordinal));
    }

    /// <summary>
    /// The profile file to back up and its entry name: the encrypted one with encryption on, unless only a plaintext
    /// profile exists yet (before <c>EncryptExistingData</c>; the archive is encrypted all the same).
    /// </summary>
    private (string Path, string EntryName) CurrentProfile(BackupKind kind) =>
        layout.IsEncrypted && !fileSystem.File.Exists(layout.ProfilePath) && fileSystem.File.Exists(layout.PlaintextProfilePath)
            ? (layout.PlaintextProfilePath, BackupEntryNames.ProfileEntry(kind))
            : (layout.ProfilePath, BackupEntryNames.ProfileEntry(kind, layout.IsEncrypted));
}

/// <summary>Where and what an archive records, when it is not a backup made now in the backups folder.</summary>
/// <param name="Path">The archive's final path (its temp file goes beside it); null for the backups folder.</param>
/// <param name="CreatedAt">The time in its name and metadata; null for now.</param>
/// <param name="SourcePath">The <c>source_path</c> in its metadata; null for the data directory.</param>
internal sealed record ArchiveTarget(string? Path, DateTime? CreatedAt, string? SourcePath);

/// <summary>A full backup just written.</summary>
/// <param name="Path">The archive's path.</param>
/// <param name="LeftOut">The files of <c>resumes/</c> and <c>cover_letters/</c> it left out because no backup can hold their names.</param>
internal sealed record FullBackup(string Path, IReadOnlyList<LeftOutFile> LeftOut);

/// <summary>A file a backup left out because no backup can hold its name.</summary>
/// <param name="EntryName">Its path relative to the data directory, with <c>/</c>, such as <c>resumes/CV 10:30.pdf</c>.</param>
/// <param name="Reason">Why a backup cannot hold it (see <see cref="BackupEntryNames.WhyUnsafe"/>).</param>
internal sealed record LeftOutFile(string EntryName, string Reason)
{
    /// <summary>Returns the name (control characters shown as <c>?</c>) and the reason, for display.</summary>
    public override string ToString() => $"{BackupEntryNames.Printable(EntryName)} ({Reason})";
}

/// <summary>The auto backups on disk after a new one was written, for <see cref="BackupStore.RotateAutoBackups"/>.</summary>
/// <param name="Items">The auto backups, as <see cref="BackupStore.List"/> describes them.</param>
internal sealed record AutoBackups(List<BackupInfo> Items);
