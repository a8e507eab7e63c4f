using System.Globalization;
using AutoResumeFiller.Data.Backups;

namespace AutoResumeFiller.Data;

/// <summary>
/// A restore of a full backup (manual, export, pre-restore) makes <c>config.yaml</c>, <c>resumes/</c> and
/// <c>cover_letters/</c> what the backup holds: current files it does not hold are removed (they stay in the pre-restore
/// backup the restore takes first). <see cref="VerifyBackup"/> names them before anything happens.
/// </summary>
public sealed partial class UserDataManager
{
    /// <summary>How many of the files a restore would remove <see cref="VerifyBackup"/> names one by one.</summary>
    private const int MaxRemovalsNamed = 20;

    /// <summary>The warning about the current files a restore of this archive would remove; none when it removes nothing.</summary>
    private IEnumerable<string> RestoreRemovalWarnings(BackupMetadata metadata, IReadOnlyList<UserFile> currentFiles, bool keepsCurrentConfig)
    {
        var removed = FilesARestoreRemoves(metadata, currentFiles, keepsCurrentConfig);
        if (removed.Count == 0)
        {
            return [];
        }

        var named = string.Join(", ", removed.Take(MaxRemovalsNamed).Select(BackupEntryNames.Shown));
        var more = removed.Count > MaxRemovalsNamed ? string.Create(CultureInfo.InvariantCulture, $" and {removed.Count - MaxRemovalsNamed} more") : "";
        var noun = removed.Count == 1 ? "file" : "files";
        return [string.Create(
            CultureInfo.InvariantCulture,
            $"a restore removes {removed.Count} current {noun} this backup does not hold: {named}{more} (the pre-restore backup it takes first keeps them).")];
    }

    /// <summary>The current files, as entry names, that a restore removes.</summary>
    private List<string> FilesARestoreRemoves(BackupMetadata metadata, IReadOnlyList<UserFile> currentFiles, bool keepsCurrentConfig)
    {
        var held = new HashSet<string>(metadata.Files.Select(f => f.Path), StringComparer.Ordinal);
        var removed = new List<string>();
        if (!keepsCurrentConfig && !held.Contains(BackupEntryNames.Config) && _fileSystem.File.Exists(_layout.ConfigPath))
        {
            removed.Add(BackupEntryNames.Config);
        }

        removed.AddRange(currentFiles.Where(f => f.WhyUnstorable is null && !held.Contains(f.EntryName)).Select(f => f.EntryName));
        return removed;
    }
}
