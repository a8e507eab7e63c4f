namespace AutoResumeFiller.Data;

/// <summary>A backup archive failed verification and was not used; nothing was changed.</summary>
public sealed class InvalidBackupException : UserDataException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="backupPath">The archive.</param>
    /// <param name="problems">Every problem found.</param>
    /// <param name="innerException">The original exception, if any.</param>
    public InvalidBackupException(string backupPath, IReadOnlyList<string> problems, Exception? innerException = null)
        : this(backupPath, problems, ChooseAnotherBackup, innerException)
    {
    }

    /// <summary>A sound archive that expands to more than the drive can take: refused, with the free-space error inside.</summary>
    internal InvalidBackupException(string backupPath, IReadOnlyList<string> problems, InsufficientDiskSpaceException doesNotFit)
        : this(backupPath, problems, doesNotFit.Suggestion + " The backup itself is sound; nothing was changed.", doesNotFit)
    {
    }

    private InvalidBackupException(string backupPath, IReadOnlyList<string> problems, string suggestion, Exception? innerException)
        : base($"Backup '{backupPath}' is not valid: " + string.Join("; ", problems ?? []), suggestion, innerException)
    {
        BackupPath = backupPath;
        Problems = problems ?? [];
    }

    private const string ChooseAnotherBackup =
        "Choose another backup (see ListAvailableBackups or 'arf-data backups'); this one was not used and nothing was changed.";

    /// <summary>Gets the archive.</summary>
    public string BackupPath { get; }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
