namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>
/// The next step after a failure, said to a person at a terminal: the library's suggestions are written for
/// programmers too (they name methods and options); here every suggestion names only <c>arf-data</c> commands.
/// </summary>
internal static class Hints
{
    public static string For(UserDataException exception) => exception switch
    {
        ProfileNotFoundException =>
            "Run 'arf-data init' to create the data directory (it brings in the Python app's profile when there is one), " +
            "'arf-data migrate --from DIR' to import the Python app's folder, or 'arf-data restore BACKUP' to restore a backup.",
        ProfileCorruptedException { AvailableBackups.Count: > 0 } corrupted =>
            $"Restore a backup with 'arf-data restore NAME' (see 'arf-data backups'); newest first: {Names(corrupted.AvailableBackups)}.",
        ProfileCorruptedException =>
            "There is no backup to restore: fix the file in a text editor ('arf-data validate FILE' checks it), or move it aside and run 'arf-data init' to start an empty profile.",
        InvalidBackupException { InnerException: InsufficientDiskSpaceException } =>
            "The backup is sound, but the drive of the data directory has too little free space for it: free some space " +
            "(for example, delete old backups listed by 'arf-data backups'), then restore again; nothing was changed.",
        InvalidBackupException =>
            "Choose another backup (see 'arf-data backups'); this one was not used and nothing was changed.",
        DataLockTimeoutException =>
            "Another program is using the data: close other AutoResumeFiller windows or tools and try again, or wait longer with '--lock-timeout SECONDS'.",
        _ when exception.Suggestion.Contains("UserDataManagerOptions", StringComparison.Ordinal) =>
            "Choose a data directory with 'arf-data --data-dir DIR' (or set AUTORESUMEFILLER_DATA_DIR).",
        _ => exception.Suggestion,
    };

    private static string Names(IReadOnlyList<BackupInfo> backups)
    {
        const int shown = 5;
        var names = string.Join(", ", backups.Take(shown).Select(b => b.FileName));
        return backups.Count > shown ? $"{names} and {backups.Count - shown} more" : names;
    }
}
