namespace AutoResumeFiller.Data;

/// <summary>
/// A folder of the data directory's layout other than <c>data/</c> (<c>backups/</c>, <c>resumes/</c>,
/// <c>cover_letters/</c>, <c>logs/</c>) that could not be created or used. Only <c>data/</c> is essential: the manager
/// logs a warning and goes on without such a folder (a save without its auto backup, for instance).
/// </summary>
public sealed class DataFolderProblem
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="path">The folder's full path.</param>
    /// <param name="reason">Why it cannot be used, from the operating system's error.</param>
    public DataFolderProblem(string path, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(reason);
        Path = path;
        Reason = reason;
    }

    /// <summary>Gets the folder's full path.</summary>
    public string Path { get; }

    /// <summary>Gets why the folder cannot be used (a file or a broken link in its place, access denied…).</summary>
    public string Reason { get; }

    /// <summary>Returns <c>path: reason</c>.</summary>
    /// <returns>The folder and the reason, for display.</returns>
    public override string ToString() => $"{Path}: {Reason}";
}
