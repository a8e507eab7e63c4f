namespace AutoResumeFiller.Data;

/// <summary>A backup archive found in the backups folder.</summary>
/// <param name="Path">The full path of the archive.</param>
/// <param name="FileName">The archive's file name, such as <c>auto_backup_20251129_100000.zip</c>.</param>
/// <param name="Kind">Why it was made, from its name.</param>
/// <param name="CreatedAt">When it was made (UTC), from its name, never from file system times.</param>
/// <param name="SizeBytes">The archive's size on disk.</param>
public sealed record BackupInfo(string Path, string FileName, BackupKind Kind, DateTime CreatedAt, long SizeBytes)
{
    /// <summary>Gets the same-second counter from the name (<c>_2</c>, <c>_3</c>…); 1 when there is none.</summary>
    public int Sequence { get; init; } = 1;

    /// <summary>Gets the name given to a manual backup (<c>manual</c> by default), or the kind's prefix.</summary>
    public string Name { get; init; } = "";
}
