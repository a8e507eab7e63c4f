namespace AutoResumeFiller.Data;

/// <summary>The operating system refused access to a file or folder of the data directory.</summary>
public sealed class DataAccessDeniedException : UserDataException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="path">The file or folder that was refused.</param>
    /// <param name="innerException">The operating system's error.</param>
    public DataAccessDeniedException(string path, Exception? innerException = null)
        : base(
            $"Access denied to '{path}'.",
            "Make sure the data directory and its files belong to the current user and are writable (mode 0700 folders, 0600 files), or choose another data directory.",
            innerException)
    {
        Path = path;
    }

    /// <summary>Gets the file or folder that was refused.</summary>
    public string Path { get; }
}
