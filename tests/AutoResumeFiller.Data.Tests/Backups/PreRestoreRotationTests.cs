using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

/// <summary>Pre-restore backups are rotated like auto backups: the newest <see cref="UserDataManagerOptions.MaxPreRestoreBackups"/> are kept.</summary>
public class PreRestoreRotationTests
{
    [Fact]
    public void RestoreFromBackup_SevenTimesWithDefaults_KeepsTheNewestFivePreRestoreBackups()
    {
        var (context, manager, backup) = Prepared();
        var taken = RestoreTimes(context, manager, backup, 7);

        var kept = manager.ListAvailableBackups().Where(b => b.Kind == BackupKind.PreRestore).Select(b => b.Path);

        kept.Should().Equal(taken.AsEnumerable().Reverse().Take(5));
        context.FileSystem.File.Exists(taken[0]).Should().BeFalse();
        context.FileSystem.File.Exists(taken[1]).Should().BeFalse();
    }

    [Fact]
    public void RestoreFromBackup_RotatingPreRestoreBackups_LeavesManualAndAutoBackupsAlone()
    {
        var (context, manager, backup) = Prepared(options => options.MaxPreRestoreBackups = 1);
        var before = manager.ListAvailableBackups().Where(b => b.Kind != BackupKind.PreRestore).Select(b => b.Path).ToList();

        var taken = RestoreTimes(context, manager, backup, 3);

        manager.ListAvailableBackups().Where(b => b.Kind != BackupKind.PreRestore).Select(b => b.Path).Should().Equal(before);
        manager.ListAvailableBackups().Where(b => b.Kind == BackupKind.PreRestore).Select(b => b.Path).Should().Equal(taken[2]);
        manager.LastPreRestoreBackupPath.Should().Be(taken[2]);
        context.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 28).Should().Be(2);
    }

    [Fact]
    public void RestoreFromBackup_RestoringAnOldPreRestoreBackup_KeepsTheNewOneThatUndoesIt()
    {
        var (context, manager, backup) = Prepared(options => options.MaxPreRestoreBackups = 2);
        var taken = RestoreTimes(context, manager, backup, 2);

        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.RestoreFromBackup(taken[0]);

        var kept = manager.ListAvailableBackups().Where(b => b.Kind == BackupKind.PreRestore).Select(b => b.Path).ToList();
        kept.Should().HaveCount(2).And.Contain(manager.LastPreRestoreBackupPath!).And.Contain(taken[1]);
    }

    [Fact]
    public void Ctor_MaxPreRestoreBackupsBelowOne_ThrowsArgumentOutOfRange()
    {
        FluentActions.Invoking(() => new ManagerTestContext(options => options.MaxPreRestoreBackups = 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxPreRestoreBackups");
    }

    [Fact]
    public void Options_MaxPreRestoreBackups_DefaultsToFive()
    {
        new UserDataManagerOptions().MaxPreRestoreBackups.Should().Be(5);
    }

    private static (ManagerTestContext Context, UserDataManager Manager, string Backup) Prepared(Action<UserDataManagerOptions>? configure = null)
    {
        var context = new ManagerTestContext(configure);
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Backed"));
        return (context, manager, manager.BackupData("snapshot"));
    }

    private static List<string> RestoreTimes(ManagerTestContext context, UserDataManager manager, string backup, int count)
    {
        var taken = new List<string>();
        for (var i = 0; i < count; i++)
        {
            context.Time.Advance(TimeSpan.FromSeconds(1));
            manager.RestoreFromBackup(backup);
            taken.Add(manager.LastPreRestoreBackupPath!);
        }

        return taken;
    }
}
