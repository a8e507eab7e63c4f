namespace AutoResumeFiller.Data;

/// <summary>
/// The profile file exists but is not valid JSON of the profile's shape. The message starts
/// <c>Failed to parse user_profile.json: </c> followed by the parser's details; the file is left as it is.
/// </summary>
public sealed class ProfileCorruptedException : UserDataException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The parse error.</param>
    /// <param name="availableBackups">The backups that could be restored, newest first.</param>
    /// <param name="innerException">The parser's exception.</param>
    public ProfileCorruptedException(string message, IReadOnlyList<BackupInfo> availableBackups, Exception? innerException = null)
        : base(message, BuildSuggestion(availableBackups), innerException)
    {
        ArgumentNullException.ThrowIfNull(availableBackups);
        AvailableBackups = availableBackups;
    }

    /// <summary>Gets the backups that could be restored, newest first (empty when there are none).</summary>
    public IReadOnlyList<BackupInfo> AvailableBackups { get; }

    private static string BuildSuggestion(IReadOnlyList<BackupInfo>? backups)
    {
        if (backups is null || backups.Count == 0)
        {
            return "Restore the profile from a backup; none was found in the backups folder, so fix the file by hand or delete it and call InitializeDataDirectory().";
        }

        const int shown = 5;
        var names = string.Join(", ", backups.Take(shown).Select(b => b.FileName));
        var more = backups.Count > shown ? $" and {backups.Count - shown} more" : "";
        return $"Restore from a backup with RestoreFromBackup (or 'arf-data restore'). Available backups, newest first: {names}{more}.";
    }
}
