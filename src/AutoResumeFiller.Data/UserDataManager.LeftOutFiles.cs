using System.Globalization;
using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data;

/// <summary>
/// Files whose names no backup can hold (a <c>:</c> or <c>\</c>, a control character, a part ending in <c>.</c> or a space;
/// all legal on Linux and macOS): backups leave them out and say so, restores leave them in place.
/// </summary>
public sealed partial class UserDataManager
{
    /// <summary>
    /// Gets the files of <c>resumes/</c> and <c>cover_letters/</c> that this manager's most recent <see cref="BackupData"/> or
    /// <see cref="ExportData"/> (or their async forms) left out because no backup can hold their names: a <c>:</c> or
    /// <c>\</c>, a control character, or a part ending in <c>.</c> or a space, all legal in file names on Linux and macOS.
    /// Each reads <c>path (reason)</c>, the path relative to the data directory, such as
    /// <c>resumes/CV 10:30.pdf (the name contains ':')</c>. Empty when the backup held every file.
    /// </summary>
    /// <remarks>
    /// Tell the user: such a file is in no backup or export. Each was also logged as a warning, recorded in the archive's
    /// <c>metadata.json</c> (<c>left_out</c>) and is named by <see cref="BackupVerification.Warnings"/>; a restore never deletes
    /// such a file. Renaming the file gets it backed up. With several backups at once on one manager, this is the one that
    /// finished last.
    /// </remarks>
    public IReadOnlyList<string> FilesLeftOutOfLastBackup { get; private set; } = [];

    /// <summary>How many of the names an archive says it left out <see cref="VerifyBackup"/> lists one by one.</summary>
    private const int MaxLeftOutWarnings = 100;

    private string RecordLeftOut(FullBackup backup)
    {
        FilesLeftOutOfLastBackup = [.. backup.LeftOut.Select(f => f.ToString())];
        return backup.Path;
    }

    /// <summary>
    /// The warnings of <see cref="VerifyBackup"/> about names no backup can hold: the files of the data directory a restore of a
    /// full backup would leave in place, and the files this archive's metadata says it left out (at most
    /// <see cref="MaxLeftOutWarnings"/>: the list comes from the archive, which may be hostile).
    /// </summary>
    /// <param name="metadata">The archive's metadata.</param>
    /// <param name="currentFiles">The files of resumes/ and cover_letters/ now (see <see cref="CurrentUserFiles"/>).</param>
    private static List<string> UnstorableNameWarnings(BackupMetadata metadata, IReadOnlyList<UserFile> currentFiles)
    {
        var warnings = new List<string>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in currentFiles.Where(f => f.WhyUnstorable is not null))
        {
            present.Add(file.EntryName);
            warnings.Add($"{BackupEntryNames.Printable(file.EntryName)} has a name no backup can hold ({file.WhyUnstorable}): a restore leaves it as it is. Rename it to have it backed up.");
        }

        var leftOut = (metadata.LeftOut ?? []).Where(name => !string.IsNullOrEmpty(name) && !present.Contains(name)).ToList();
        foreach (var name in leftOut.Take(MaxLeftOutWarnings))
        {
            var reason = BackupEntryNames.WhyUnsafe(name) is { } why ? $" ({why})" : "";
            warnings.Add($"{BackupEntryNames.Shown(name)} was left out of this backup because no backup can hold its name{reason}: a restore cannot bring it back.");
        }

        if (leftOut.Count > MaxLeftOutWarnings)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{leftOut.Count - MaxLeftOutWarnings} more files were left out of this backup for the same reason."));
        }

        return warnings;
    }

    /// <summary>
    /// The files of resumes/ and cover_letters/ now, read once for the warnings of <see cref="VerifyBackup"/>; none when the
    /// folders cannot be read (the restore itself will say so).
    /// </summary>
    private List<UserFile> CurrentUserFiles()
    {
        try
        {
            return [.. UserFiles.All(_fileSystem, _layout)];
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            return [];
        }
    }
}
