using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

public class ListAvailableBackupsTests
{
    [Fact]
    public void ListAvailableBackups_NoBackupsFolder_IsEmpty()
    {
        new ManagerTestContext().Manager.ListAvailableBackups().Should().BeEmpty();
    }

    [Fact]
    public void ListAvailableBackups_MixedFolder_NewestFirstByNameTimeWithKindsAndIgnoresTheRest()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var backups = new[]
        {
            ("auto_backup_20250101_100000.zip", 3),
            ("auto_backup_20250101_100000_2.zip", 4),
            ("auto_backup_20250101_100000_10.zip", 5),
            ("manual_20250102_090000.zip", 6),
            ("pre_restore_20241231_235959.zip", 7),
            ("before-job_2025.v1_20250103_000000.zip", 8),
        };
        foreach (var (name, size) in backups)
        {
            context.WriteFile("backups/" + name, new byte[size]);
            context.FileSystem.File.SetLastWriteTimeUtc(context.PathOf("backups/" + name), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        foreach (var foreign in new[]
        {
            ".auto_backup_20250201_100000.zip.0123456789abcdef.tmp",
            "auto_backup_20250201_100000_1.zip",
            "auto_backup_20250201_100000_0.zip",
            "auto_backup_20251301_100000.zip",
            "auto_backup_2025_1.zip",
            "notes.zip",
            "readme.txt",
            "manual_20250201_100000.zip.bak",
        })
        {
            context.WriteFile("backups/" + foreign, "x");
        }

        context.FileSystem.Directory.CreateDirectory(context.PathOf("backups/manual_20250301_000000.zip"));

        var list = context.Manager.ListAvailableBackups();

        list.Select(b => b.FileName).Should().Equal(
            "before-job_2025.v1_20250103_000000.zip",
            "manual_20250102_090000.zip",
            "auto_backup_20250101_100000_10.zip",
            "auto_backup_20250101_100000_2.zip",
            "auto_backup_20250101_100000.zip",
            "pre_restore_20241231_235959.zip");
        list.Select(b => b.Kind).Should().Equal(BackupKind.Manual, BackupKind.Manual, BackupKind.Auto, BackupKind.Auto, BackupKind.Auto, BackupKind.PreRestore);
        list[0].Should().BeEquivalentTo(new
        {
            Path = "/data/arf/backups/before-job_2025.v1_20250103_000000.zip",
            Name = "before-job_2025.v1",
            CreatedAt = new DateTime(2025, 1, 3, 0, 0, 0, DateTimeKind.Utc),
            SizeBytes = 8L,
            Sequence = 1,
        });
        list[0].CreatedAt.Kind.Should().Be(DateTimeKind.Utc);
        list[2].Sequence.Should().Be(10);
        list[5].Name.Should().Be("pre_restore");
    }

    [Fact]
    public void ListAvailableBackups_SymbolicLinkNamedLikeABackup_IsIgnored()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("elsewhere/manual_20250101_000000.zip", "x");
        context.FileSystem.File.CreateSymbolicLink(context.PathOf("backups/manual_20250101_000000.zip"), context.PathOf("elsewhere/manual_20250101_000000.zip"));

        context.Manager.ListAvailableBackups().Should().BeEmpty();
    }

    [Fact]
    public void ListAvailableBackups_FolderUnreadable_ThrowsDataAccessDenied()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("backups/manual_20250101_000000.zip", "x");
        var mock = new Moq.Mock<System.IO.Abstractions.IFileSystem>();
        mock.Setup(f => f.Path).Returns(context.FileSystem.Path);
        mock.Setup(f => f.Directory.Exists(Moq.It.IsAny<string>())).Returns(true);
        mock.Setup(f => f.Directory.EnumerateFiles(Moq.It.IsAny<string>(), Moq.It.IsAny<string>())).Throws(new UnauthorizedAccessException("denied"));
        var manager = new UserDataManager(new UserDataManagerOptions { DataDirectory = ManagerTestContext.Root }, mock.Object, null, null, context.Platform);

        FluentActions.Invoking(() => manager.ListAvailableBackups())
            .Should().ThrowExactly<DataAccessDeniedException>().Which.Path.Should().Be("/data/arf/backups");
    }

    [Fact]
    public void ListAvailableBackups_LogsItsCountAndDuration()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        manager.BackupData();

        var listed = manager.ListAvailableBackups();

        var state = context.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 29).StructuredState!.ToDictionary(s => s.Key, s => s.Value);
        state["Count"].Should().Be(listed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Be("2");
        state["BackupsDirectory"].Should().Be("/data/arf/backups");
        state.Should().ContainKey("ElapsedMs");
    }

    [Theory]
    [InlineData("auto_backup_20250304_050607.zip", "Auto", "auto_backup", 1)]
    [InlineData("auto_backup_20250304_050607_42.zip", "Auto", "auto_backup", 42)]
    [InlineData("pre_restore_20250304_050607_2.zip", "PreRestore", "pre_restore", 2)]
    [InlineData("my_backup_20250304_050607.zip", "Manual", "my_backup", 1)]
    public void BackupNamingTryParse_ValidNames_ReadKindNameTimeAndCounter(string fileName, string kind, string name, int sequence)
    {
        AutoResumeFiller.Data.Backups.BackupNaming.TryParse(fileName, out var parsedKind, out var parsedName, out var createdAt, out var parsedSequence)
            .Should().BeTrue();

        parsedKind.Should().Be(Enum.Parse<BackupKind>(kind));
        parsedName.Should().Be(name);
        createdAt.Should().Be(new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        parsedSequence.Should().Be(sequence);
    }
}
