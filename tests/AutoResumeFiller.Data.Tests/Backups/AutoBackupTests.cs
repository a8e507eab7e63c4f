using System.Text.Json;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Tests.Backups;

public class AutoBackupTests
{
    private const string Backups = "/data/arf/backups";

    private static bool InBackups(string path) => path.StartsWith(Backups + "/", StringComparison.Ordinal);

    [Fact]
    public void SaveUserProfile_ExistingProfile_BacksUpThePreviousBytesWithMetadata()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var previous = context.ProfileBytes();
        context.Time.Advance(TimeSpan.FromSeconds(1));

        manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.BackupFileNames().Should().Equal("auto_backup_20250304_050608.zip");
        var path = Backups + "/auto_backup_20250304_050608.zip";
        var entries = ManagerArchives.ReadEntries(context.FileSystem, path);
        entries.Keys.Should().BeEquivalentTo("user_profile.json", "metadata.json");
        entries["user_profile.json"].Should().Equal(previous);

        var metadata = ManagerArchives.ReadMetadata(context.FileSystem, path);
        metadata.GetProperty("kind").GetString().Should().Be("auto");
        metadata.GetProperty("created_at").GetString().Should().Be("2025-03-04T05:06:08Z");
        metadata.GetProperty("version").GetString().Should().Be("1.0");
        metadata.GetProperty("source_path").GetString().Should().Be(ManagerTestContext.Root);
        var file = metadata.GetProperty("files").EnumerateArray().Should().ContainSingle().Subject;
        file.GetProperty("path").GetString().Should().Be("user_profile.json");
        file.GetProperty("size_bytes").GetInt64().Should().Be(previous.Length);
        file.GetProperty("sha256").GetString().Should().Be(ManagerArchives.Sha256(previous));
        manager.VerifyBackup(path).IsValid.Should().BeTrue();
        context.TempFiles().Should().BeEmpty();
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 20);
    }

    [Fact]
    public void SaveUserProfile_NameUsesUtcNotLocalTime()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.Time.SetUtcNow(new DateTimeOffset(2025, 12, 31, 23, 59, 59, 999, TimeSpan.Zero));

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.BackupFileNames().Should().Equal("auto_backup_20251231_235959.zip");
        var created = ManagerArchives.ReadMetadata(context.FileSystem, Backups + "/auto_backup_20251231_235959.zip").GetProperty("created_at").GetString();
        created.Should().Be("2025-12-31T23:59:59Z");
    }

    [Fact]
    public void SaveUserProfile_SameSecond_MakesDistinctBackupsWithCounters()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var contents = new List<byte[]>();

        for (var i = 0; i < 3; i++)
        {
            contents.Add(context.ProfileBytes());
            manager.SaveUserProfile(ManagerTestContext.ValidProfile($"Name{i}"));
        }

        context.BackupFileNames().Should().Equal(
            "auto_backup_20250304_050607.zip", "auto_backup_20250304_050607_2.zip", "auto_backup_20250304_050607_3.zip");
        ManagerArchives.ReadEntries(context.FileSystem, Backups + "/auto_backup_20250304_050607.zip")["user_profile.json"].Should().Equal(contents[0]);
        ManagerArchives.ReadEntries(context.FileSystem, Backups + "/auto_backup_20250304_050607_2.zip")["user_profile.json"].Should().Equal(contents[1]);
        ManagerArchives.ReadEntries(context.FileSystem, Backups + "/auto_backup_20250304_050607_3.zip")["user_profile.json"].Should().Equal(contents[2]);
        manager.ListAvailableBackups().Select(b => b.Sequence).Should().Equal(3, 2, 1);
    }

    [Fact]
    public void SaveUserProfile_ManySaves_KeepsExactlyTheNewestTen()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();

        for (var i = 0; i < 13; i++)
        {
            context.Time.Advance(TimeSpan.FromSeconds(1));
            manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        }

        var expected = Enumerable.Range(4, 10).Select(s => $"auto_backup_20250304_0506{7 + s:00}.zip");
        context.BackupFileNames().Should().Equal(expected);
        context.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 22).Should().Be(3);
    }

    [Fact]
    public void SaveUserProfile_Rotation_OrdersByNameTimeThenCounterNeverByFileTimes()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var planted = new[]
        {
            "auto_backup_20240101_000000.zip",
            "auto_backup_20240101_000000_9.zip",
            "auto_backup_20240101_000000_10.zip",
            "auto_backup_20240102_000000.zip",
            "auto_backup_20240103_000000.zip",
            "auto_backup_20240104_000000.zip",
            "auto_backup_20240105_000000.zip",
            "auto_backup_20240106_000000.zip",
            "auto_backup_20240107_000000.zip",
            "auto_backup_20240108_000000.zip",
            "manual_19990101_000000.zip",
            "pre_restore_19990101_000000.zip",
        };
        for (var i = 0; i < planted.Length; i++)
        {
            context.WriteFile("backups/" + planted[i], "old");

            // File times disagree with the names: the oldest name gets the newest time.
            var time = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-i);
            context.FileSystem.File.SetLastWriteTimeUtc(context.PathOf("backups/" + planted[i]), time);
            context.FileSystem.File.SetCreationTimeUtc(context.PathOf("backups/" + planted[i]), time);
        }

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(TimeSpan.FromSeconds(1));
        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.BackupFileNames().Should().Equal(
            "auto_backup_20240101_000000_10.zip",
            "auto_backup_20240102_000000.zip",
            "auto_backup_20240103_000000.zip",
            "auto_backup_20240104_000000.zip",
            "auto_backup_20240105_000000.zip",
            "auto_backup_20240106_000000.zip",
            "auto_backup_20240107_000000.zip",
            "auto_backup_20240108_000000.zip",
            "auto_backup_20250304_050607.zip",
            "auto_backup_20250304_050608.zip",
            "manual_19990101_000000.zip",
            "pre_restore_19990101_000000.zip");
    }

    [Fact]
    public void SaveUserProfile_ManualAndPreRestoreBackups_AreNeverRotated()
    {
        var context = new ManagerTestContext(o => o.MaxAutoBackups = 2);
        var manager = context.Initialized();
        var manual = manager.BackupData("keep-me");
        context.WriteFile("backups/pre_restore_20000101_000000.zip", "pre");

        for (var i = 0; i < 5; i++)
        {
            context.Time.Advance(TimeSpan.FromSeconds(1));
            manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        }

        context.BackupFileNames().Should().Equal(
            "auto_backup_20250304_050611.zip",
            "auto_backup_20250304_050612.zip",
            "keep-me_20250304_050607.zip",
            "pre_restore_20000101_000000.zip");
        context.FileSystem.File.Exists(manual).Should().BeTrue();
    }

    [Fact]
    public void SaveUserProfile_AutoBackupDisabled_MakesNone()
    {
        var context = new ManagerTestContext(o => o.AutoBackupEnabled = false);
        var manager = context.Initialized();

        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.BackupFileNames().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_NoProfileYet_MakesNoBackup()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.File.Delete(context.ProfilePath);

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.BackupFileNames().Should().BeEmpty();
        context.FileSystem.File.Exists(context.ProfilePath).Should().BeTrue();
    }

    [Theory]
    [InlineData("open")]
    [InlineData("write")]
    [InlineData("move")]
    public void SaveUserProfile_AutoBackupFails_LogsWarningAndStillSaves(string step)
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var failure = FaultInjectingFileSystem.IOError(28, "No space left on device");
        context.FileSystem.Fault = (op, path) => InBackups(path) && op == step switch
        {
            "open" => FaultOperation.Open,
            "write" => FaultOperation.Write,
            _ => FaultOperation.Move,
        } ? failure : null;

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Saved"));

        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Saved");
        context.BackupFileNames().Should().BeEmpty();
        context.TempFiles().Should().BeEmpty();
        var warning = context.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 21);
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Be("Automatic backup before saving failed; the save goes on without it");
        warning.Exception.Should().BeAssignableTo<UserDataException>().Which.InnerException.Should().BeSameAs(failure);
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 3);
    }

    [Fact]
    public void SaveUserProfile_BackupIsRenamedIntoPlaceBeforeTheProfileIsReplaced()
    {
        // The previous version must be on disk at every instant: as the profile, or as the committed backup.
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.ClearCalls();

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Saved"));

        var moves = context.FileSystem.Calls.Where(c => c.Operation == FaultOperation.Move).Select(c => c.Path).ToList();
        moves.Should().Equal(Backups + "/auto_backup_20250304_050607.zip", ManagerTestContext.Root + "/data/user_profile.json");
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_ProfileWriteFails_NoBackupIsLeftAndPreviousProfileIntact()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var previous = context.ProfileBytes();
        context.FileSystem.Fault = (op, path) =>
            op == FaultOperation.Write && path.StartsWith(ManagerTestContext.Root + "/data/.user_profile.json.", StringComparison.Ordinal)
                ? FaultInjectingFileSystem.IOError(28, "No space left on device")
                : null;

        var save = () => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Lost"));

        // The archive is committed only just before the profile's replace: a save that fails changes nothing.
        save.Should().Throw<InsufficientDiskSpaceException>();
        context.ProfileBytes().Should().Equal(previous);
        context.BackupFileNames().Should().BeEmpty();
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_InvalidProfile_NeverOpensABackupArchive()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var previous = context.ProfileBytes();
        var opened = context.RecordOpenedFiles();

        var save = () => context.Manager.SaveUserProfile(ManagerTestContext.InvalidProfile());

        save.Should().Throw<ProfileValidationException>();
        opened.Where(InBackups).Should().BeEmpty("the archive is written only for a profile that will be saved");
        context.ProfileBytes().Should().Equal(previous);
        context.BackupFileNames().Should().BeEmpty();
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_NotEnoughSpaceForTheProfile_LeavesNoBackup()
    {
        var context = new ManagerTestContext(o => o.MinimumFreeDiskSpaceBytes = 1L << 20);
        context.Initialized();
        var previous = context.ProfileBytes();
        context.FileSystem.AddDrive("/", new System.IO.Abstractions.TestingHelpers.MockDriveData { AvailableFreeSpace = 1000, TotalSize = 1L << 30 });

        var save = () => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Lost"));

        save.Should().Throw<InsufficientDiskSpaceException>();
        context.ProfileBytes().Should().Equal(previous);
        context.BackupFileNames().Should().BeEmpty();
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_BackupsFolderShortOfSpace_LogsWarningAndStillSaves()
    {
        // The backup needs its own size plus the minimum; the save needs only the minimum.
        var context = new ManagerTestContext(o => o.MinimumFreeDiskSpaceBytes = 1000);
        context.Initialized();
        context.FileSystem.AddDrive("/", new System.IO.Abstractions.TestingHelpers.MockDriveData { AvailableFreeSpace = 1010, TotalSize = 1L << 30 });

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Saved"));

        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Saved");
        context.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 21).Exception.Should().BeOfType<InsufficientDiskSpaceException>();
    }

    [Fact]
    public void SaveUserProfile_RotationDeleteFails_LogsAndStillSaves()
    {
        var context = new ManagerTestContext(o => o.MaxAutoBackups = 1);
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.Time.Advance(TimeSpan.FromSeconds(1));
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Delete && path.EndsWith("_050607.zip", StringComparison.Ordinal) ? new IOException("in use") : null;

        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Second"));

        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Second");
        context.BackupFileNames().Should().Equal("auto_backup_20250304_050607.zip", "auto_backup_20250304_050608.zip");
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 27 && r.Level == LogLevel.Warning);
    }

    [Fact]
    public void SaveUserProfile_AnotherProcessTakesTheNameMeanwhile_NeverOverwritesIt()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        const string Taken = Backups + "/auto_backup_20250304_050607.zip";
        context.FileSystem.Fault = (op, path) =>
        {
            if (op == FaultOperation.Move && path == Taken && !context.FileSystem.File.Exists(Taken))
            {
                context.FileSystem.File.WriteAllText(Taken, "someone else's");
                return new IOException("exists");
            }

            return null;
        };

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.FileSystem.File.ReadAllText(Taken).Should().Be("someone else's");
        context.BackupFileNames().Should().Equal("auto_backup_20250304_050607.zip", "auto_backup_20250304_050607_2.zip");
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void AutoBackup_Metadata_IsSnakeCaseJson()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        var metadata = ManagerArchives.ReadMetadata(context.FileSystem, Backups + "/auto_backup_20250304_050607.zip");

        metadata.EnumerateObject().Select(p => p.Name).Should().Equal("kind", "created_at", "version", "source_path", "files", "missing");
        metadata.GetProperty("missing").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void SaveUserProfile_SameSecondBeyondTheLimit_KeepsTheNewestNotAFreedLowCounter()
    {
        var context = new ManagerTestContext(o => o.MaxAutoBackups = 2);
        var manager = context.Initialized();

        for (var i = 0; i < 5; i++)
        {
            manager.SaveUserProfile(ManagerTestContext.ValidProfile($"Save{i}"));
        }

        context.BackupFileNames().Should().Equal("auto_backup_20250304_050607_4.zip", "auto_backup_20250304_050607_5.zip");
        var newest = ManagerArchives.ReadEntries(context.FileSystem, Backups + "/auto_backup_20250304_050607_5.zip")["user_profile.json"];
        UserProfileSerializer.Deserialize(newest).PersonalInfo!.FirstName.Should().Be("Save3");
    }
}
