using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

public class RestoreFromBackupTests
{
    [Theory]
    [InlineData("traversal")]
    [InlineData("absolute")]
    [InlineData("backslash")]
    [InlineData("duplicate")]
    [InlineData("checksum")]
    [InlineData("truncated")]
    [InlineData("not-a-zip")]
    [InlineData("no-metadata")]
    [InlineData("invalid-profile")]
    [InlineData("symlink")]
    public void RestoreFromBackup_BadArchive_ThrowsInvalidBackupAndChangesNothingAnywhere(string kind)
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Current"));
        context.WriteFile("config.yaml", "current: true\n");
        context.WriteFile("resumes/cv.txt", "current cv");
        var valid = ManagerArchiveBuilder.ValidManual().Add("config.yaml", "restored: true\n").Build();
        var archive = kind switch
        {
            "traversal" => ManagerArchiveBuilder.ValidManual().Add("../../evil", "pwned").Build(),
            "absolute" => ManagerArchiveBuilder.ValidManual().Add("/etc/evil", "pwned").Build(),
            "backslash" => ManagerArchiveBuilder.ValidManual().Add("..\\evil", "pwned").Build(),
            "duplicate" => ManagerArchiveBuilder.ValidManual().Add("config.yaml", "a").Add("config.yaml", "b", listed: false).Build(),
            "checksum" => ManagerArchiveBuilder.ValidManual().Add("config.yaml", Encoding.UTF8.GetBytes("x"), recordedSha256: new string('f', 64)).Build(),
            "truncated" => valid[..(valid.Length - 20)],
            "not-a-zip" => Encoding.UTF8.GetBytes("hello"),
            "no-metadata" => ManagerArchiveBuilder.ValidManual().WithoutMetadata().Build(),
            "invalid-profile" => new ManagerArchiveBuilder().Add("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.InvalidProfile())).Build(),
            _ => ManagerArchiveBuilder.ValidManual().Add("resumes/link", Encoding.UTF8.GetBytes("/etc/passwd"), externalAttributes: unchecked((int)(0xA1FFu << 16))).Build(),
        };
        context.WriteFile("backups/hostile_20250101_000000.zip", archive);
        var before = context.Snapshot();
        var expectedProblems = manager.VerifyBackup("hostile_20250101_000000.zip").Problems;

        var error = FluentActions.Invoking(() => manager.RestoreFromBackup("hostile_20250101_000000.zip"))
            .Should().ThrowExactly<InvalidBackupException>().Which;

        expectedProblems.Should().NotBeEmpty();
        error.Problems.Should().Equal(expectedProblems);
        error.BackupPath.Should().Be("/data/arf/backups/hostile_20250101_000000.zip");
        error.Message.Should().Be($"Backup '/data/arf/backups/hostile_20250101_000000.zip' is not valid: {string.Join("; ", expectedProblems)}");
        error.Suggestion.Should().Contain("nothing was changed");
        context.Snapshot().Should().Equal(before);
        manager.LastPreRestoreBackupPath.Should().BeNull();
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 26);
    }

    [Fact]
    public async Task RestoreFromBackupAsync_BadArchive_ThrowsInvalidBackupAndChangesNothing()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("backups/hostile_20250101_000000.zip", ManagerArchiveBuilder.ValidManual().Add("../x", "x").Build());
        var before = context.Snapshot();

        await FluentActions.Awaiting(() => context.Manager.RestoreFromBackupAsync("/data/arf/backups/hostile_20250101_000000.zip", TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<InvalidBackupException>();

        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void RestoreFromBackup_CorruptedProfileFromItsAutoBackup_GivesBackTheExactEarlierBytes()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Earlier"));
        var earlier = context.ProfileBytes();
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Later"));
        context.WriteFile("data/user_profile.json", "{ \"version\": \"1.0\", garbage");

        var corrupted = FluentActions.Invoking(() => manager.LoadUserProfile()).Should().ThrowExactly<ProfileCorruptedException>().Which;
        var newest = corrupted.AvailableBackups[0];
        newest.FileName.Should().Be("auto_backup_20250304_050608.zip");
        manager.RestoreFromBackup(newest.Path);

        context.ProfileBytes().Should().Equal(earlier);
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Earlier");
        manager.LastPreRestoreBackupPath.Should().Be("/data/arf/backups/pre_restore_20250304_050608.zip");
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_OfACorruptedProfile_CanBeUndoneFromItsPreRestoreBackup()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Earlier"));
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Later"));
        context.WriteFile("data/user_profile.json", "{ \"version\": \"1.0\", garbage");
        var corrupted = context.ProfileBytes();
        manager.RestoreFromBackup(manager.ListAvailableBackups()[0].Path);
        var undo = manager.LastPreRestoreBackupPath!;

        manager.VerifyBackup(undo).IsValid.Should().BeTrue("a pre-restore backup holds exactly what was on disk, checked by its checksums");
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.RestoreFromBackup(undo);

        context.ProfileBytes().Should().Equal(corrupted);
    }

    [Fact]
    public void VerifyBackup_ManualBackupWithCorruptedProfile_IsInvalid()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", "{ garbage");

        var backup = manager.BackupData("broken");

        manager.VerifyBackup(backup).Problems.Should().ContainSingle(p => p.StartsWith("the profile in the backup is corrupted: ", StringComparison.Ordinal));
    }

    [Fact]
    public void RestoreFromBackup_ThenItsPreRestoreBackup_UndoesTheRestore()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("First"));
        context.WriteFile("config.yaml", "version: 1\n");
        context.WriteFile("resumes/one.txt", "one");
        var backup = manager.BackupData("snapshot");
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Second"));
        context.WriteFile("config.yaml", "version: 2\n");
        context.WriteFile("resumes/two.txt", "two");
        var current = context.Snapshot().Where(kv => !kv.Key.StartsWith("/data/arf/backups", StringComparison.Ordinal)).ToDictionary();

        manager.RestoreFromBackup(backup);
        var undo = manager.LastPreRestoreBackupPath!;
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("First");
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.RestoreFromBackup(undo);

        context.Snapshot().Where(kv => !kv.Key.StartsWith("/data/arf/backups", StringComparison.Ordinal)).ToDictionary()
            .Should().BeEquivalentTo(current);
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Second");
        manager.LastPreRestoreBackupPath.Should().NotBe(undo);
        manager.ListAvailableBackups().Count(b => b.Kind == BackupKind.PreRestore).Should().Be(2);
    }

    [Fact]
    public void RestoreFromBackup_Manual_MakesConfigResumesAndCoverLettersMatchTheBackup()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Backed"));
        context.WriteFile("resumes/keep.txt", "original");
        context.WriteFile("resumes/deep/nested/cv.pdf", [1, 2, 3]);
        context.WriteFile("cover_letters/acme.txt", "Dear Acme");
        var backup = manager.BackupData();
        var profileAtBackup = context.ProfileBytes();

        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Changed"));
        context.WriteFile("config.yaml", "added later\n");
        context.WriteFile("resumes/keep.txt", "modified");
        context.FileSystem.File.Delete(context.PathOf("resumes/deep/nested/cv.pdf"));
        context.WriteFile("resumes/extra.txt", "extra");
        context.WriteFile("resumes/new-folder/extra2.txt", "extra");
        context.WriteFile("cover_letters/other.txt", "extra");
        context.WriteFile("logs/app.log", "logs are not part of backups");

        manager.RestoreFromBackup(backup);

        context.ProfileBytes().Should().Equal(profileAtBackup);
        context.FileSystem.File.Exists(context.PathOf("config.yaml")).Should().BeFalse("the backup had no config.yaml");
        context.FileSystem.File.ReadAllText(context.PathOf("resumes/keep.txt")).Should().Be("original");
        context.FileSystem.File.ReadAllBytes(context.PathOf("resumes/deep/nested/cv.pdf")).Should().Equal(1, 2, 3);
        context.FileSystem.File.Exists(context.PathOf("resumes/extra.txt")).Should().BeFalse();
        context.FileSystem.File.Exists(context.PathOf("resumes/new-folder/extra2.txt")).Should().BeFalse();
        context.FileSystem.File.Exists(context.PathOf("cover_letters/other.txt")).Should().BeFalse();
        context.FileSystem.File.ReadAllText(context.PathOf("cover_letters/acme.txt")).Should().Be("Dear Acme");
        context.FileSystem.File.ReadAllText(context.PathOf("logs/app.log")).Should().Be("logs are not part of backups");
        context.TempFiles().Should().BeEmpty();

        var undo = ManagerArchives.ReadEntries(context.FileSystem, manager.LastPreRestoreBackupPath!);
        Encoding.UTF8.GetString(undo["config.yaml"]).Should().Be("added later\n");
        undo.Keys.Should().Contain("resumes/extra.txt");
    }

    [Fact]
    public void RestoreFromBackup_WithConfig_RestoresIt()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("config.yaml", "from backup\n");
        var backup = manager.BackupData();
        context.FileSystem.File.Delete(context.PathOf("config.yaml"));
        context.FileSystem.Directory.Delete(context.PathOf("resumes"));

        manager.RestoreFromBackup(backup);

        context.FileSystem.File.ReadAllText(context.PathOf("config.yaml")).Should().Be("from backup\n");
    }

    [Fact]
    public void RestoreFromBackup_Auto_RestoresOnlyTheProfile()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var initial = context.ProfileBytes();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.WriteFile("config.yaml", "stays\n");
        context.WriteFile("resumes/stays.txt", "stays");

        manager.RestoreFromBackup("auto_backup_20250304_050607.zip");

        context.ProfileBytes().Should().Equal(initial);
        context.FileSystem.File.ReadAllText(context.PathOf("config.yaml")).Should().Be("stays\n");
        context.FileSystem.File.ReadAllText(context.PathOf("resumes/stays.txt")).Should().Be("stays");
    }

    [Fact]
    public void RestoreFromBackup_ProfileMissing_StillRestores()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var backup = manager.BackupData();
        var bytes = context.ProfileBytes();
        context.FileSystem.File.Delete(context.ProfilePath);

        manager.RestoreFromBackup(backup);

        context.ProfileBytes().Should().Equal(bytes);
        var undo = ManagerArchives.ReadMetadata(context.FileSystem, manager.LastPreRestoreBackupPath!);
        undo.GetProperty("kind").GetString().Should().Be("pre_restore");
        undo.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).Should().Contain("data/user_profile.json");
    }

    [Fact]
    public async Task RestoreFromBackupAsync_Valid_Restores()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var backup = await manager.BackupDataAsync(cancellationToken: TestContext.Current.CancellationToken);
        var bytes = context.ProfileBytes();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        await manager.RestoreFromBackupAsync(backup, TestContext.Current.CancellationToken);

        context.ProfileBytes().Should().Equal(bytes);
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 25);
    }

    [Fact]
    public void RestoreFromBackup_MissingFile_ThrowsInvalidBackup()
    {
        var context = new ManagerTestContext();
        context.Initialized();

        FluentActions.Invoking(() => context.Manager.RestoreFromBackup("manual_20990101_000000.zip"))
            .Should().ThrowExactly<InvalidBackupException>().Which.Problems.Should().Equal("the file does not exist");
    }

    [Fact]
    public void RestoreFromBackup_LockHeld_ThrowsDataLockTimeoutAndChangesNothing()
    {
        var context = new ManagerTestContext(o => o.LockTimeout = TimeSpan.FromMilliseconds(100));
        context.Initialized();
        var backup = context.Manager.BackupData();
        var before = context.Snapshot();
        using var held = context.FileSystem.FileStream.New(context.Manager.LockFilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        FluentActions.Invoking(() => context.Manager.RestoreFromBackup(backup)).Should().ThrowExactly<DataLockTimeoutException>();

        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void RestoreFromBackup_DiskFillsWhileStagingALaterFile_ChangesNothing()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Current"));
        context.WriteFile("config.yaml", "current\n");
        context.WriteFile("resumes/cv.txt", "current cv");
        var backup = manager.BackupData("snapshot");
        context.Time.Advance(TimeSpan.FromSeconds(1));
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Later"));
        context.WriteFile("resumes/cv.txt", "later cv");
        var before = context.Snapshot().Where(kv => !kv.Key.Contains("/backups/", StringComparison.Ordinal)).ToDictionary();
        context.FileSystem.Fault = (op, path) =>
            op == FaultOperation.Open && path.Contains(".cv.txt.", StringComparison.Ordinal) ? FaultInjectingFileSystem.IOError(28, "No space left on device") : null;

        FluentActions.Invoking(() => manager.RestoreFromBackup(backup)).Should().ThrowExactly<InsufficientDiskSpaceException>();

        context.FileSystem.Fault = null;
        context.Snapshot().Where(kv => !kv.Key.Contains("/backups/", StringComparison.Ordinal)).ToDictionary().Should().Equal(before);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_WriteFails_ThrowsTypedErrorAndKeepsTheProfile()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var backup = manager.BackupData();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Current"));
        var current = context.ProfileBytes();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Move && path == context.ProfilePath ? FaultInjectingFileSystem.IOError(28) : null;

        FluentActions.Invoking(() => manager.RestoreFromBackup(backup)).Should().ThrowExactly<InsufficientDiskSpaceException>();

        context.ProfileBytes().Should().Equal(current);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void RestoreFromBackup_IntoASymlinkedFolder_IsRefusedBeforeWriting()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("resumes/cv.txt", "cv");
        var backup = manager.BackupData();
        context.FileSystem.Directory.Delete(context.PathOf("resumes"), recursive: true);
        context.FileSystem.Directory.CreateDirectory("/outside");
        context.FileSystem.Directory.CreateSymbolicLink(context.PathOf("resumes"), "/outside");

        FluentActions.Invoking(() => manager.RestoreFromBackup(backup))
            .Should().Throw<UserDataException>().WithMessage("Refusing to restore into '/data/arf/resumes': it is a symbolic link.");

        context.FileSystem.Directory.GetFiles("/outside").Should().BeEmpty();
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("disappeared")]
    public void RestoreFromBackup_ArchiveSwappedAfterVerification_IsCaughtAndTheProfileKept(string swap)
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Current"));
        var current = context.ProfileBytes();
        var genuine = ManagerArchiveBuilder.ValidManual().Add("config.yaml", "genuine\n").Build();
        var profile = UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile());
        var config = Encoding.UTF8.GetBytes("genuine\n");

        // Same metadata as the genuine archive, but the profile's content changed (or config.yaml gone).
        var swapped = swap == "changed"
            ? new ManagerArchiveBuilder()
                .Add("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile("Tampered")), recordedSize: profile.Length, recordedSha256: ManagerArchives.Sha256(profile))
                .Add("config.yaml", config)
                .Build()
            : new ManagerArchiveBuilder().Add("data/user_profile.json", profile).Record("config.yaml", config.Length, ManagerArchives.Sha256(config)).Build();

        const string Archive = "/data/arf/backups/swapped_20250101_000000.zip";
        context.WriteFile("backups/swapped_20250101_000000.zip", genuine);
        var opens = 0;
        context.FileSystem.Fault = (op, path) =>
        {
            // The first open is verification; the restorer's open comes after the pre-restore backup.
            if (op == FaultOperation.Open && path == Archive && ++opens == 2)
            {
                context.FileSystem.File.WriteAllBytes(Archive, swapped);
            }

            return null;
        };

        var error = FluentActions.Invoking(() => manager.RestoreFromBackup(Archive)).Should().ThrowExactly<InvalidBackupException>().Which;

        error.Problems.Should().Equal(swap == "changed"
            ? "'data/user_profile.json' changed after verification"
            : "'config.yaml' disappeared from the archive after verification");
        context.ProfileBytes().Should().Equal(current, "nothing is renamed into place until every file is staged and checked");
        context.TempFiles().Should().BeEmpty();

        context.FileSystem.File.Exists(context.PathOf("config.yaml")).Should().BeFalse();
        context.TempFiles().Should().BeEmpty();
        context.BackupFileNames().Should().Contain(n => n.StartsWith("pre_restore_", StringComparison.Ordinal), "the undo point exists before anything changes");
    }

    [Fact]
    public void RestoreFromBackup_FoldersDeleted_RecreatesNestedFolders()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("resumes/deep/nested/cv.txt", "cv");
        context.WriteFile("cover_letters/a/b.txt", "b");
        var backup = manager.BackupData();
        context.FileSystem.Directory.Delete(context.PathOf("resumes"), recursive: true);
        context.FileSystem.Directory.Delete(context.PathOf("cover_letters"), recursive: true);
        context.FileSystem.Directory.Delete(context.PathOf("data"), recursive: true);

        manager.RestoreFromBackup(backup);

        context.FileSystem.File.ReadAllText(context.PathOf("resumes/deep/nested/cv.txt")).Should().Be("cv");
        context.FileSystem.File.ReadAllText(context.PathOf("cover_letters/a/b.txt")).Should().Be("b");
        manager.LoadUserProfile().Version.Should().Be("1.0");
    }

    [Fact]
    public void RestoreFromBackup_RemovingAFileFails_ThrowsTypedErrorNamingTheDataDirectory()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var backup = manager.BackupData();
        context.WriteFile("config.yaml", "added");
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Delete && path == context.PathOf("config.yaml") ? new IOException("busy") : null;

        var error = FluentActions.Invoking(() => manager.RestoreFromBackup(backup)).Should().ThrowExactly<UserDataException>().Which;

        error.Message.Should().Be("I/O error while restoring into '/data/arf': busy");
        manager.VerifyBackup(manager.ListAvailableBackups().Single(b => b.Kind == BackupKind.PreRestore).Path).IsValid.Should().BeTrue();
    }
}
