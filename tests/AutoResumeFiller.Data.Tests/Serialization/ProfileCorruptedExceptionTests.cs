namespace AutoResumeFiller.Data.Tests.Serialization;

public class ProfileCorruptedExceptionTests
{
    [Fact]
    public void Constructor_NoBackups_SuggestsFixingByHand()
    {
        var inner = new FormatException("x");

        var ex = new ProfileCorruptedException("Failed to parse user_profile.json: bad", [], inner);

        ex.Message.Should().Be("Failed to parse user_profile.json: bad");
        ex.InnerException.Should().BeSameAs(inner);
        ex.AvailableBackups.Should().BeEmpty();
        ex.Suggestion.Should().Be(
            "Restore the profile from a backup; none was found in the backups folder, so fix the file by hand or delete it and call InitializeDataDirectory().");
        ex.Should().BeAssignableTo<UserDataException>();
    }

    [Fact]
    public void Constructor_TwoBackups_ListsThemNewestFirst()
    {
        BackupInfo[] backups = [Backup("auto_backup_20251129_110000.zip"), Backup("mine_20251128_090000.zip")];

        var ex = new ProfileCorruptedException("m", backups);

        ex.AvailableBackups.Should().Equal(backups);
        ex.InnerException.Should().BeNull();
        ex.Suggestion.Should().Be(
            "Restore from a backup with RestoreFromBackup (or 'arf-data restore'). Available backups, newest first: "
            + "auto_backup_20251129_110000.zip, mine_20251128_090000.zip.");
    }

    [Fact]
    public void Constructor_SevenBackups_ShowsFiveAndCountsTheRest()
    {
        var backups = Enumerable.Range(1, 7).Select(i => Backup($"auto_backup_2025112{i}_100000.zip")).ToArray();

        var ex = new ProfileCorruptedException("m", backups);

        ex.AvailableBackups.Should().HaveCount(7);
        ex.Suggestion.Should().Be(
            "Restore from a backup with RestoreFromBackup (or 'arf-data restore'). Available backups, newest first: "
            + "auto_backup_20251121_100000.zip, auto_backup_20251122_100000.zip, auto_backup_20251123_100000.zip, "
            + "auto_backup_20251124_100000.zip, auto_backup_20251125_100000.zip and 2 more.");
    }

    [Fact]
    public void Constructor_NullBackups_ThrowsArgumentNull()
    {
        var act = () => new ProfileCorruptedException("m", null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("availableBackups");
    }

    private static BackupInfo Backup(string name) =>
        new("/data/backups/" + name, name, BackupKind.Auto, new DateTime(2025, 11, 29, 11, 0, 0, DateTimeKind.Utc), 1234);
}
