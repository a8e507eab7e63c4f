using System.IO.Abstractions;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// The files of <c>resumes/</c> and <c>cover_letters/</c> as a full backup sees them, each with its entry name and whether a
/// backup can hold it. The one walk that backups, restores and their warnings share, so a file a backup leaves out is
/// exactly a file a restore leaves in place.
/// </summary>
internal static class UserFiles
{
    /// <summary>The regular files under <paramref name="folder"/> (links skipped, never followed), in ordinal path order.</summary>
    /// <param name="fileSystem">The file system.</param>
    /// <param name="folder">An existing folder of the layout: <c>resumes/</c> or <c>cover_letters/</c>.</param>
    /// <param name="prefix">Its entries' prefix, <see cref="BackupEntryNames.ResumesPrefix"/> or <see cref="BackupEntryNames.CoverLettersPrefix"/>.</param>
    public static IEnumerable<UserFile> In(IFileSystem fileSystem, string folder, string prefix) =>
        FileTree.EnumerateFiles(fileSystem, folder).Select(file =>
        {
            var entryName = BackupEntryNames.OfFile(fileSystem.Path, folder, prefix, file.FullName);
            return new UserFile(file, entryName, BackupEntryNames.WhyUnsafe(entryName));
        });

    /// <summary>The files of both folders (a missing or linked folder has none).</summary>
    public static IEnumerable<UserFile> All(IFileSystem fileSystem, DataLayout layout) =>
        new[] { (layout.ResumesFolder, BackupEntryNames.ResumesPrefix), (layout.CoverLettersFolder, BackupEntryNames.CoverLettersPrefix) }
            .Where(f => IsRealFolder(fileSystem, f.Item1))
            .SelectMany(f => In(fileSystem, f.Item1, f.Item2));

    /// <summary>Whether <paramref name="folder"/> exists and is not a link (a backup holds nothing through a linked folder).</summary>
    public static bool IsRealFolder(IFileSystem fileSystem, string folder)
    {
        var directory = fileSystem.DirectoryInfo.New(folder);
        return directory.Exists && directory.LinkTarget is null;
    }
}

/// <summary>One file of <c>resumes/</c> or <c>cover_letters/</c>.</summary>
/// <param name="Info">The file.</param>
/// <param name="EntryName">Its name in a backup, such as <c>resumes/2025/cv.pdf</c>.</param>
/// <param name="WhyUnstorable">Why no backup can hold it (see <see cref="BackupEntryNames.WhyUnsafe"/>); null when one can.</param>
internal sealed record UserFile(IFileInfo Info, string EntryName, string? WhyUnstorable);
