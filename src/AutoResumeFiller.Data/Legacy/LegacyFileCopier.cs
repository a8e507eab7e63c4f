using System.IO.Abstractions;
using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Legacy;

/// <summary>
/// Copies the Python app's <c>config.yaml</c>, <c>resumes/</c> and <c>cover_letters/</c> into the data directory where it has
/// no file of that name: each file through a flushed temp file in <c>data/</c> (where initialization removes a crash's
/// leftovers) renamed into place without replacing anything, so a copy is whole or absent. Sources are only read; links are
/// skipped. Caller holds the exclusive lock.
/// </summary>
internal sealed class LegacyFileCopier(IFileSystem fileSystem, DataLayout layout, AtomicFileWriter writer, PosixPermissions permissions)
{
    /// <summary>How one file fared.</summary>
    public enum Outcome
    {
        Copied,
        AlreadyIdentical,
        KeptOurs,
    }

    /// <summary>
    /// The legacy folder's files to bring over, as (source path, path relative to the data directory with <c>/</c>), in ordinal
    /// order; names no backup can hold included (<see cref="BackupEntryNames.WhyUnsafe"/>), for the importer to skip and report.
    /// </summary>
    public IEnumerable<(string Source, string Relative)> Sources(string legacyDirectory)
    {
        var config = fileSystem.FileInfo.New(fileSystem.Path.Combine(legacyDirectory, DataLayout.ConfigFileName));
        if (config.Exists && config.LinkTarget is null)
        {
            yield return (config.FullName, DataLayout.ConfigFileName);
        }

        foreach (var folderName in new[] { DataLayout.CoverLettersFolderName, DataLayout.ResumesFolderName })
        {
            var folder = fileSystem.DirectoryInfo.New(fileSystem.Path.Combine(legacyDirectory, folderName));
            if (!folder.Exists || folder.LinkTarget is not null)
            {
                continue;
            }

            foreach (var file in FileTree.EnumerateFiles(fileSystem, folder.FullName))
            {
                yield return (file.FullName, BackupEntryNames.OfFile(fileSystem.Path, folder.FullName, folderName + "/", file.FullName));
            }
        }
    }

    /// <summary>What <see cref="Copy"/> would do, without writing.</summary>
    public Outcome Classify(string source, string relative)
    {
        var target = Target(relative);
        if (UnderLinkedFolder(target))
        {
            return Outcome.KeptOurs; // writing through a link could land outside the data directory
        }

        if (!fileSystem.File.Exists(target) && !fileSystem.Directory.Exists(target))
        {
            return Outcome.Copied;
        }

        return SameContent(source, target) ? Outcome.AlreadyIdentical : Outcome.KeptOurs;
    }

    /// <summary>Copies <paramref name="source"/> to its place in the data directory unless something is already there.</summary>
    public Outcome Copy(string source, string relative)
    {
        var planned = Classify(source, relative);
        if (planned != Outcome.Copied)
        {
            return planned;
        }

        var target = Target(relative);
        var folder = fileSystem.Path.GetDirectoryName(target)!;
        EnsurePrivateFolders(folder);
        var temp = writer.NewTempPath(target, layout.DataFolder);
        try
        {
            using (var output = writer.CreateExclusive(temp))
            {
                using (var input = fileSystem.FileStream.New(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    input.CopyTo(output);
                }

                output.Flush(flushToDisk: true);
            }

            fileSystem.File.Move(temp, target, overwrite: false);
        }
        catch (IOException) when (fileSystem.File.Exists(target))
        {
            writer.TryDelete(temp);
            return SameContent(source, target) ? Outcome.AlreadyIdentical : Outcome.KeptOurs; // another process made it meanwhile
        }
        catch
        {
            writer.TryDelete(temp);
            throw;
        }

        writer.FlushDirectory(folder);
        return Outcome.Copied;
    }

    private string Target(string relative) =>
        fileSystem.Path.Combine(layout.Root, relative.Replace('/', fileSystem.Path.DirectorySeparatorChar));

    private bool SameContent(string source, string target)
    {
        if (!fileSystem.File.Exists(target))
        {
            return false;
        }

        if (fileSystem.FileInfo.New(source).Length != fileSystem.FileInfo.New(target).Length)
        {
            return false;
        }

        return Sha256Of(source) == Sha256Of(target);
    }

    private string Sha256Of(string path)
    {
        using var stream = fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return HashingCopy.Copy(stream, null, long.MaxValue, null, CancellationToken.None).Sha256;
    }

    private bool UnderLinkedFolder(string target)
    {
        for (var folder = fileSystem.Path.GetDirectoryName(target); folder is not null && folder.Length > layout.Root.Length; folder = fileSystem.Path.GetDirectoryName(folder))
        {
            var info = fileSystem.DirectoryInfo.New(folder);
            if (info.LinkTarget is not null || (fileSystem.File.Exists(folder) && fileSystem.FileInfo.New(folder).LinkTarget is not null))
            {
                return true;
            }
        }

        return false;
    }

    private void EnsurePrivateFolders(string folder)
    {
        var parent = fileSystem.Path.GetDirectoryName(folder);
        if (parent is not null && parent.Length > layout.Root.Length && !fileSystem.Directory.Exists(parent))
        {
            EnsurePrivateFolders(parent);
        }

        permissions.EnsurePrivateDirectory(folder);
    }
}
