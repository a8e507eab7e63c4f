namespace AutoResumeFiller.Data;

/// <summary>Why a backup was made; read from its file name (an export's from its metadata).</summary>
public enum BackupKind
{
    /// <summary>Taken automatically before a save (<c>auto_backup_YYYYMMDD_HHMMSS.zip</c>); the newest <see cref="UserDataManagerOptions.MaxAutoBackups"/> are kept.</summary>
    Auto,

    /// <summary>Taken on request with <see cref="UserDataManager.BackupData"/> (<c>{name}_YYYYMMDD_HHMMSS.zip</c>); never rotated.</summary>
    Manual,

    /// <summary>Taken by <see cref="UserDataManager.RestoreFromBackup"/> just before it changes anything (<c>pre_restore_YYYYMMDD_HHMMSS.zip</c>); the newest <see cref="UserDataManagerOptions.MaxPreRestoreBackups"/> are kept.</summary>
    PreRestore,

    /// <summary>
    /// A full archive written anywhere by <see cref="UserDataManager.ExportData"/> (metadata kind <c>export</c>), or an export of the
    /// Python app (<c>autoresumefiller_backup_YYYYMMDD_HHMMSS.zip</c>); listed when it sits in the backups folder, its time read
    /// from its metadata; never rotated.
    /// </summary>
    Export,
}
