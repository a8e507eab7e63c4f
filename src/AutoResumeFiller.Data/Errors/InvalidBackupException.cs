namespace AutoResumeFiller.Data;

/// <summary>A backup archive failed verification and was not used; nothing was changed.</summary>
public sealed class InvalidBackupException : UserDataException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="backupPath">The archive.</param>
    /// <param name="problems">Every problem found.</param>
    /// <param name="innerException">The original exception, if any.</param>
    public InvalidBackupException(string backupPath, IReadOnlyList<string> problems, Exception? innerException = null)
        : base(
            $"Backup '{backupPath}' is not valid: " + string.Join("; ", problems ?? []),
            "Choose another backup (see ListAvailableBackups or 'arf-data backups'); this one was not used and nothing was changed.",
            innerException)
    {
        BackupPath = backupPath;
        Problems = problems ?? [];
    }

    /// <summary>Gets the archive.</summary>
    public string BackupPath { get; }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
