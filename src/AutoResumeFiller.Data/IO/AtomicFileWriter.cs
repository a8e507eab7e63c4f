using System.IO.Abstractions;
using System.Security.Cryptography;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.IO;

/// <summary>
/// Replaces a file so that a crash, a full disk or a race never leaves it half-written: the content goes to
/// a temp file in the same folder, created exclusively (never through an existing file or link) with mode
/// 0600, is flushed to disk, renamed over the target, and the folder is flushed too.
/// </summary>
internal sealed class AtomicFileWriter(IFileSystem fileSystem, PlatformEnvironment platform, ILogger logger)
{
    /// <summary>Suffix of every temp file this library creates; stale ones are removed under the exclusive lock.</summary>
    public const string TempSuffix = ".tmp";

    private const int MaxReplaceAttempts = 10;

    private static readonly UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Gets a value indicating whether writes reach a real disk (the real file system on the platform this code runs on),
    /// so flushes matter and independent writes gain from running at the same time.
    /// </summary>
    public bool WritesToRealDisk => fileSystem is FileSystem && platform.IsNative;

    /// <summary>Writes the target through a temp file; on failure the temp file is removed and the target is untouched.</summary>
    /// <param name="targetPath">The file to replace.</param>
    /// <param name="writeContent">Writes the content.</param>
    public void Write(string targetPath, Action<Stream> writeContent) =>
        CommitReplace(WriteTemp(targetPath, writeContent), targetPath);

    /// <summary>
    /// Writes a new file through a temp file and renames it to the first free name <paramref name="candidate"/>
    /// gives for 1, 2, 3…; never replaces an existing file, even one created by another process meanwhile.
    /// </summary>
    /// <returns>The path written.</returns>
    public string WriteUnique(Func<int, string> candidate, Action<Stream> writeContent) =>
        CommitUnique(WriteTemp(candidate(1), writeContent), candidate);

    /// <summary>
    /// First half of a replace: writes the content to a new temp file next to <paramref name="targetPath"/>, created
    /// exclusively (0600), and flushes it to disk. On failure the temp file is removed and the error is mapped.
    /// </summary>
    /// <returns>The temp file, for <see cref="CommitReplace"/> or <see cref="CommitUnique"/>.</returns>
    public string WriteTemp(string targetPath, Action<Stream> writeContent)
    {
        var tempPath = NewTempPath(targetPath);
        try
        {
            using (var stream = CreateExclusive(tempPath))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            return tempPath;
        }
        catch (Exception ex)
        {
            TryDelete(tempPath);
            ThrowMappedIfIoFailure(ex, targetPath);
            throw;
        }
    }

    /// <summary>Second half of a replace: renames the flushed <paramref name="tempPath"/> over <paramref name="targetPath"/> and flushes the folder. On failure the temp file is removed.</summary>
    public void CommitReplace(string tempPath, string targetPath)
    {
        try
        {
            Replace(tempPath, targetPath);
            FlushDirectory(fileSystem.Path.GetDirectoryName(targetPath)!);
        }
        catch (Exception ex)
        {
            TryDelete(tempPath);
            ThrowMappedIfIoFailure(ex, targetPath);
            throw;
        }
    }

    /// <summary>
    /// Renames the flushed <paramref name="tempPath"/> to the first free name <paramref name="candidate"/> gives for 1, 2, 3…
    /// (never over an existing file) and flushes the folder. On failure the temp file is removed.
    /// </summary>
    /// <returns>The path written.</returns>
    public string CommitUnique(string tempPath, Func<int, string> candidate)
    {
        var first = candidate(1);
        try
        {
            for (var sequence = 1; ; sequence++)
            {
                var target = sequence == 1 ? first : candidate(sequence);
                if (fileSystem.File.Exists(target))
                {
                    continue;
                }

                try
                {
                    fileSystem.File.Move(tempPath, target, overwrite: false);
                }
                catch (IOException) when (fileSystem.File.Exists(target) && sequence < 10_000)
                {
                    continue;
                }

                FlushDirectory(fileSystem.Path.GetDirectoryName(target)!);
                return target;
            }
        }
        catch (Exception ex)
        {
            TryDelete(tempPath);
            ThrowMappedIfIoFailure(ex, first);
            throw;
        }
    }

    /// <summary>A fresh, unguessable temp name next to <paramref name="targetPath"/> (or in <paramref name="tempFolder"/>): <c>.{name}.{random}.tmp</c>.</summary>
    public string NewTempPath(string targetPath, string? tempFolder = null)
    {
        var folder = tempFolder ?? fileSystem.Path.GetDirectoryName(targetPath)!;
        var name = fileSystem.Path.GetFileName(targetPath);
        return fileSystem.Path.Combine(folder, $".{name}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}{TempSuffix}");
    }

    /// <summary>Creates <paramref name="path"/>, failing if anything (file or link) already exists there; 0600 from the start on POSIX.</summary>
    public FileSystemStream CreateExclusive(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
        };
        if (!platform.IsWindows && WritesToRealDisk && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return fileSystem.FileStream.New(path, options);
    }

    /// <summary>Renames <paramref name="source"/> over <paramref name="target"/>; on Windows retries the sharing errors antivirus and indexers cause.</summary>
    public void Replace(string source, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                fileSystem.File.Move(source, target, overwrite: true);
                return;
            }
            catch (Exception ex) when (platform.IsWindows && attempt < MaxReplaceAttempts && IsTransientWindowsError(ex))
            {
                Log.ReplaceRetried(logger, target, attempt, ex);
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(10 * (1 << attempt), 500)));
            }
        }
    }

    /// <summary>Makes a rename inside <paramref name="directory"/> durable (fsync of the folder on POSIX; a no-op elsewhere).</summary>
    public void FlushDirectory(string directory)
    {
        if (platform.IsWindows || !WritesToRealDisk)
        {
            return;
        }

        try
        {
            PosixNative.FsyncDirectory(directory);
        }
        catch (IOException ex)
        {
            Log.DirectoryFlushFailed(logger, directory, ex);
        }
    }

    /// <summary>Deletes a file if it exists, logging rather than throwing on failure.</summary>
    public void TryDelete(string path)
    {
        try
        {
            fileSystem.File.Delete(path);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            Log.TempFileCleanupFailed(logger, path, ex);
        }
    }

    private static void ThrowMappedIfIoFailure(Exception ex, string path)
    {
        if (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, path, "writing");
        }
    }

    private static bool IsTransientWindowsError(Exception ex) =>
        ex is UnauthorizedAccessException
        || (ex is IOException io && (io.HResult & 0xFFFF) is 32 or 33); // sharing / lock violation
}
