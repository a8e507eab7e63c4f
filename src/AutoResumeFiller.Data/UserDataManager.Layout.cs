using System.Text.RegularExpressions;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;

namespace AutoResumeFiller.Data;

/// <summary>The data directory's layout: the folders a manager creates, and the temp files of interrupted writes it removes.</summary>
public sealed partial class UserDataManager
{
    // Set once this manager has removed the stale temp files (under the exclusive lock); see RemoveStaleTempFilesOnce.
    private bool _staleTempFilesRemoved;

    /// <summary>
    /// Gets the optional folders of the layout (<c>backups/</c>, <c>resumes/</c>, <c>cover_letters/</c>, <c>logs/</c>) that the
    /// latest <see cref="InitializeDataDirectory"/>, save or restore of this manager could not create or use; each was logged
    /// as a warning and skipped (a save goes on without its auto backup). Empty when the layout is complete.
    /// </summary>
    public IReadOnlyList<DataFolderProblem> FolderProblems { get; private set; } = [];

    /// <summary>
    /// Creates what is missing of the layout. The data directory and <c>data/</c> are essential: a failure there throws.
    /// Any other folder that cannot be made or used is logged, listed in <see cref="FolderProblems"/> and skipped.
    /// </summary>
    private void EnsureLayout() => EnsureLayout(tightenExisting: false);

    /// <summary>
    /// As <see cref="EnsureLayout()"/>; on Windows, a data directory created here gets its private ACL before anything is
    /// created inside (which then inherits it), and with <paramref name="tightenExisting"/> (initialization) an existing one
    /// with a broader ACL is tightened, contents included. A save does not read ACLs.
    /// </summary>
    private void EnsureLayout(bool tightenExisting)
    {
        var rootIsNew = !_fileSystem.Directory.Exists(_layout.Root);
        _permissions.EnsurePrivateDirectory(_layout.Root);
        if (rootIsNew || tightenExisting)
        {
            _acl.MakePrivate(_layout.Root, includeContents: !rootIsNew);
        }

        foreach (var folder in _layout.EssentialFolders.Skip(1))
        {
            _permissions.EnsurePrivateDirectory(folder);
        }

        var problems = new List<DataFolderProblem>();
        foreach (var folder in _layout.OptionalFolders)
        {
            try
            {
                _permissions.EnsurePrivateDirectory(folder);
            }
            catch (Exception ex) when (IoErrors.IsIoFailure(ex) || ex is DataAccessDeniedException)
            {
                var problem = new DataFolderProblem(folder, DescribeUnusable(folder, ex));
                Log.OptionalFolderUnusable(_logger, folder, problem.Reason, ex);
                problems.Add(problem);
            }
        }

        FolderProblems = problems;
    }

    /// <summary>Why an optional folder cannot be used, in the user's terms (the OS error alone says "file exists").</summary>
    private string DescribeUnusable(string folder, Exception error)
    {
        try
        {
            var entry = _fileSystem.FileInfo.New(folder);
            if (entry.LinkTarget is { } target)
            {
                return $"it is a symbolic link to '{target}', which is not a usable folder";
            }

            if (entry.Exists)
            {
                return "a file is in its place";
            }
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            // Fall back on the operating system's message.
        }

        return error is DataAccessDeniedException ? "access is denied" : error.Message;
    }

    /// <summary>
    /// Removes temp files of interrupted writes once per manager, at its first save (unless its initialization or a restore did it already).
    /// A temp file is left only by a process that stopped mid-write; one that stopped before this manager existed is
    /// removed here, one that stops later is removed by the next manager (of the next start of the app or tool).
    /// Listing the folders before every save cost 15–20 % of a realistic save (BENCHMARKS.md, "Speed mechanisms").
    /// Call only under the exclusive lock.
    /// </summary>
    private void RemoveStaleTempFilesOnce()
    {
        if (!Volatile.Read(ref _staleTempFilesRemoved))
        {
            RemoveStaleTempFiles();
        }
    }

    /// <summary>Removes temp files of interrupted writes. Call only under the exclusive lock, when no write can be in flight.</summary>
    private void RemoveStaleTempFiles()
    {
        RemoveStaleTempFiles(_layout.DataFolder);
        try
        {
            // backups/ is not essential: one that cannot be read is skipped (its auto backup will fail and be logged).
            RemoveStaleTempFiles(_layout.BackupsFolder);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            Log.StaleTempFileSweepFailed(_logger, _layout.BackupsFolder, ex);
        }

        Volatile.Write(ref _staleTempFilesRemoved, true);
    }

    private void RemoveStaleTempFiles(string folder)
    {
        if (!_fileSystem.Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in _fileSystem.Directory.EnumerateFiles(folder, "*" + AtomicFileWriter.TempSuffix))
        {
            if (TempFileName().IsMatch(_fileSystem.Path.GetFileName(path)))
            {
                _writer.TryDelete(path);
                Log.StaleTempFileRemoved(_logger, path);
            }
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{16}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempFileName();
}
