using System.IO.Abstractions;
using System.IO.Compression;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// Writes a verified backup's files back into the data directory, each atomically through a temp file and
/// re-checked against its SHA-256 as it is written (the archive is not trusted to stay unchanged after
/// verification). For full backups, <c>config.yaml</c>, <c>resumes/</c> and <c>cover_letters/</c> end up
/// matching the backup exactly, except for files whose names no backup can hold: a backup never has them, so a restore
/// leaves them in place (and logs each) rather than deleting what it could not have saved. With encryption on, a plaintext profile from an older backup is encrypted in memory
/// before it is staged, so no plaintext profile touches the disk. Caller holds the exclusive lock.
/// </summary>
internal sealed class BackupRestorer(IFileSystem fileSystem, DataLayout layout, AtomicFileWriter writer, PosixPermissions permissions, DataEncryption encryption, ILogger logger)
{
    /// <summary>Restores the files of a verified archive.</summary>
    /// <param name="backupPath">The archive.</param>
    /// <param name="metadata">Its verified metadata.</param>
    /// <param name="kind">Its kind (an auto backup holds the profile only).</param>
    /// <param name="keepCurrentConfig">Leave <c>config.yaml</c> as it is (the archive's copy had its API keys redacted).</param>
    public void Restore(string backupPath, BackupMetadata metadata, BackupKind kind, bool keepCurrentConfig = false)
    {
        var records = metadata.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var targets = records.Keys
            .Where(name => name != BackupMetadata.EntryName && !(keepCurrentConfig && name == BackupEntryNames.Config))
            .ToDictionary(name => name, name => TargetPath(name, kind), StringComparer.Ordinal);
        foreach (var target in targets.Values)
        {
            RefuseLinkedFolders(target);
        }

        // Two phases, so a full disk or a changed archive changes nothing: first every file is written to a temp file
        // in data/ (where the next initialization or save removes leftovers of a crash) and checked against its
        // SHA-256; only when all are on disk are they renamed into place, the profile first.
        var order = targets.Keys.OrderBy(n => BackupEntryNames.IsProfile(n, kind) ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var staged = new List<(string Temp, string Target)>(order.Count);
        try
        {
            using (var stream = fileSystem.FileStream.New(backupPath, FileMode.Open, FileAccess.Read, FileShare.Read))
            using (var archive = encryption.OpenArchive(stream, backupPath))
            using (var zip = new ZipArchive(archive, ZipArchiveMode.Read))
            {
                foreach (var name in order)
                {
                    staged.Add((Stage(zip, records[name], targets[name], backupPath), targets[name]));
                }
            }

            writer.FlushDirectory(layout.DataFolder);
            var folders = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < staged.Count; i++)
            {
                var folder = fileSystem.Path.GetDirectoryName(staged[i].Target)!;
                if (folders.Add(folder) && !fileSystem.Directory.Exists(folder))
                {
                    EnsurePrivateFolders(folder);
                }

                writer.Replace(staged[i].Temp, staged[i].Target);
                staged[i] = ("", staged[i].Target);
            }

            foreach (var folder in folders)
            {
                writer.FlushDirectory(folder);
            }
        }
        finally
        {
            foreach (var (temp, _) in staged.Where(s => s.Temp.Length > 0))
            {
                writer.TryDelete(temp);
            }
        }

        if (layout.IsEncrypted && fileSystem.File.Exists(layout.PlaintextProfilePath))
        {
            fileSystem.File.Delete(layout.PlaintextProfilePath); // a stale plaintext copy: the restored profile is the encrypted one
        }

        if (kind == BackupKind.Auto)
        {
            return;
        }

        if (!keepCurrentConfig && !targets.ContainsKey(BackupEntryNames.Config) && fileSystem.File.Exists(layout.ConfigPath))
        {
            fileSystem.File.Delete(layout.ConfigPath);
        }

        var keep = new HashSet<string>(targets.Values, StringComparer.Ordinal);
        RemoveFilesNotIn(layout.ResumesFolder, BackupEntryNames.ResumesPrefix, keep, backupPath);
        RemoveFilesNotIn(layout.CoverLettersFolder, BackupEntryNames.CoverLettersPrefix, keep, backupPath);
    }

    /// <summary>Writes one entry to a flushed temp file in data/, checking its size and SHA-256; returns the temp path.</summary>
    private string Stage(ZipArchive zip, BackupFileRecord record, string target, string backupPath)
    {
        var entry = zip.GetEntry(record.Path)
            ?? throw new InvalidBackupException(backupPath, [$"'{record.Path}' disappeared from the archive after verification"]);
        var temp = writer.NewTempPath(target, layout.DataFolder);
        var encrypt = target == layout.ProfilePath && !DataEncryption.IsEncryptedName(record.Path) && layout.IsEncrypted;
        try
        {
            using var output = writer.CreateExclusive(temp);
            using (var content = entry.Open())
            {
                using var plaintext = encrypt ? new MemoryStream() : null;
                var (bytes, sha256) = HashingCopy.Copy(content, plaintext ?? (Stream)output, record.SizeBytes, null, CancellationToken.None);
                if (bytes != record.SizeBytes || !string.Equals(sha256, record.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidBackupException(backupPath, [$"'{record.Path}' changed after verification"]);
                }

                if (plaintext is not null)
                {
                    output.Write(encryption.EncodeProfile(plaintext.ToArray(), target));
                }
            }

            output.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            writer.TryDelete(temp);
            throw;
        }
    }

    private void EnsurePrivateFolders(string folder)
    {
        var parent = fileSystem.Path.GetDirectoryName(folder);
        if (parent is not null && !fileSystem.Directory.Exists(parent))
        {
            EnsurePrivateFolders(parent);
        }

        permissions.EnsurePrivateDirectory(folder);
    }

    private string TargetPath(string entryName, BackupKind kind)
    {
        if (BackupEntryNames.IsProfile(entryName, kind))
        {
            // A plaintext profile restores into the encrypted profile when encryption is on (encrypted on the way).
            return layout.ProfilePath;
        }

        var relative = entryName;
        var full = fileSystem.Path.GetFullPath(fileSystem.Path.Combine(layout.Root, relative.Replace('/', fileSystem.Path.DirectorySeparatorChar)));
        var root = layout.Root.TrimEnd(fileSystem.Path.DirectorySeparatorChar) + fileSystem.Path.DirectorySeparatorChar;

        // Verification already confines names; this is the last line of defence before writing.
        return full.StartsWith(root, StringComparison.Ordinal)
            ? full
            : throw new InvalidBackupException(entryName, [$"entry '{entryName}' resolves outside the data directory"]);
    }

    /// <summary>Refuses to write through a folder that is a symbolic link (it could point outside the data directory).</summary>
    private void RefuseLinkedFolders(string target)
    {
        for (var folder = fileSystem.Path.GetDirectoryName(target); folder is not null && folder.Length > layout.Root.Length; folder = fileSystem.Path.GetDirectoryName(folder))
        {
            var info = fileSystem.DirectoryInfo.New(folder);
            if (info.Exists && info.LinkTarget is not null)
            {
                throw new UserDataException(
                    $"Refusing to restore into '{folder}': it is a symbolic link.",
                    "Replace the link with a real folder (or remove it), then restore again; nothing was changed by this restore.");
            }
        }
    }

    /// <summary>
    /// Deletes the files of <paramref name="folder"/> the backup does not hold, except those whose names no backup can hold:
    /// neither this backup nor the pre-restore one has them, so deleting them would lose them for good.
    /// </summary>
    private void RemoveFilesNotIn(string folder, string prefix, HashSet<string> keep, string backupPath)
    {
        if (!fileSystem.Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in UserFiles.In(fileSystem, folder, prefix).ToList())
        {
            if (file.WhyUnstorable is { } reason)
            {
                Log.RestoreKeptUnstorableFile(logger, backupPath, BackupEntryNames.Printable(file.Info.FullName), reason);
            }
            else if (!keep.Contains(file.Info.FullName))
            {
                file.Info.Delete();
            }
        }
    }
}
