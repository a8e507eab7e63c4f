using System.IO.Abstractions;

namespace AutoResumeFiller.Data.IO;

/// <summary>Walks a folder tree without following symbolic links, so nothing outside the data directory is ever read or deleted.</summary>
internal static class FileTree
{
    /// <summary>Every regular file under <paramref name="folder"/> (hidden ones included), in ordinal path order; links are skipped.</summary>
    public static IEnumerable<IFileInfo> EnumerateFiles(IFileSystem fileSystem, string folder)
    {
        var pending = new Stack<IDirectoryInfo>();
        pending.Push(fileSystem.DirectoryInfo.New(folder));
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var item in directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                if (item.LinkTarget is not null)
                {
                    continue;
                }

                if (item is IDirectoryInfo child)
                {
                    pending.Push(child);
                }
                else if (item is IFileInfo file)
                {
                    yield return file;
                }
            }
        }
    }
}
