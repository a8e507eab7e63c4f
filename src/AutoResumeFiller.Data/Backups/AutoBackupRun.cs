using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// The auto backup of one save, from <see cref="BackupStore.StartAutoBackup"/> to its end: the archive is prepared
/// (possibly on another thread) while the save prepares the new profile; <see cref="Commit"/> makes it a backup, and
/// must be called before the profile is replaced; <see cref="Dispose"/> ends the run under the lock. Never throws:
/// a backup that fails is logged and the save goes on, as DESIGN.md asks.
/// </summary>
internal sealed class AutoBackupRun(BackupStore store, OverlappedWork<PreparedArchive?> work) : IDisposable
{
    private bool _commitAttempted;
    private bool _ended;
    private AutoBackups? _committed;

    /// <summary>Waits for the archive (writing it here if no other thread has begun) and renames it to its backup name, durably.</summary>
    public void Commit()
    {
        _commitAttempted = true;
        if (work.Join() is { } prepared)
        {
            _committed = store.TryCommitAutoBackup(prepared);
        }
    }

    /// <summary>
    /// Ends the run. Without a commit (the save failed first), an archive not yet begun is never written and one already
    /// written is deleted, so a failed save leaves no backup behind. After a commit, the oldest auto backups beyond
    /// <see cref="UserDataManagerOptions.MaxAutoBackups"/> are deleted: last, once the profile is in place, because freeing
    /// blocks slows the next journal commit and that commit should not be one the save waits for.
    /// </summary>
    public void Dispose()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (!_commitAttempted)
        {
            if (work.CancelOrJoin() is { } prepared)
            {
                store.DiscardAutoBackup(prepared);
            }
        }
        else if (_committed is not null)
        {
            store.RotateAutoBackups(_committed);
        }
    }
}
