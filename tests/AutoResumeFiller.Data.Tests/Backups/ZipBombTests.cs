using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

/// <summary>
/// Archives that deflate honestly but expand beyond reason (DESIGN §5, zip bombs): an entry over 1 MiB expanding more
/// than 100:1, or more content than the data directory's drive has room for (beyond MinimumFreeDiskSpaceBytes).
/// </summary>
public class ZipBombTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void VerifyBackup_TwentyMegabytesOfOneRepeatedByte_IsRefusedAsABomb()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("backups/bomb_20250101_000000.zip", ManagerArchiveBuilder.ValidManual().Add("resumes/bomb.txt", Repeated(20 * MiB)).Build());

        var verification = manager.VerifyBackup("bomb_20250101_000000.zip");

        verification.IsValid.Should().BeFalse();
        verification.Problems.Should().ContainSingle().Which.Should().MatchRegex(
            @"^entry 'resumes/bomb\.txt' expands to 20971520 bytes from [0-9]+ compressed \([0-9.]+:1; more than 100:1 is refused for entries over 1 MiB: zip bomb or corruption\)$");
    }

    [Fact]
    public void RestoreFromBackup_TwentyMegabytesOfOneRepeatedByte_IsRefusedAndChangesNothing()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Current"));
        context.WriteFile("backups/bomb_20250101_000000.zip", ManagerArchiveBuilder.ValidManual().Add("resumes/bomb.txt", Repeated(20 * MiB)).Build());
        var before = context.Snapshot();

        FluentActions.Invoking(() => manager.RestoreFromBackup("bomb_20250101_000000.zip")).Should().ThrowExactly<InvalidBackupException>()
            .Which.Problems.Should().ContainSingle(p => p.Contains("zip bomb", StringComparison.Ordinal));

        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void VerifyBackup_OneMebibyteOfOneByte_IsAllowedBecauseTheRatioRuleStartsAboveIt()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("backups/edge_20250101_000000.zip", ManagerArchiveBuilder.ValidManual().Add("resumes/blank.txt", Repeated(MiB)).Build());

        manager.VerifyBackup("edge_20250101_000000.zip").Problems.Should().BeEmpty();
    }

    [Fact]
    public void VerifyAndRestore_ContentLargerThanTheFreeSpaceBeyondTheMinimum_AreRefused()
    {
        // 12 MiB free, 10 MiB to keep: 2 MiB of room, and the archive holds 3 MiB (incompressible, so no ratio issue).
        var context = new ManagerTestContext(freeBytes: 12 * MiB);
        var manager = context.Initialized();
        var archive = ManagerArchiveBuilder.ValidManual().Add("resumes/scan.pdf", Random(3 * MiB)).Build();
        context.WriteFile("backups/large_20250101_000000.zip", archive);
        var before = context.Snapshot();

        var problems = manager.VerifyBackup("large_20250101_000000.zip").Problems;
        var restore = FluentActions.Invoking(() => manager.RestoreFromBackup("large_20250101_000000.zip"));

        problems.Should().ContainSingle().Which.Should().MatchRegex(
            @"^the archive expands to [0-9]+ bytes, more than the [0-9]+ bytes the data directory's drive can take \([0-9]+ free, 10485760 kept free\)$");
        var refused = restore.Should().ThrowExactly<InvalidBackupException>("verification refuses it, and restore refuses what verification refuses (DESIGN §5)").Which;
        refused.Problems.Should().Equal(problems);
        refused.InnerException.Should().BeOfType<InsufficientDiskSpaceException>("the backup is sound: the drive is too full")
            .Which.Message.Should().StartWith("Insufficient disk space (");
        refused.Suggestion.Should().StartWith("Free some disk space").And.Contain("nothing was changed");
        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void RestoreFromBackup_SpaceTakenByThePreRestoreBackup_IsCheckedAgainBeforeWriting()
    {
        // Room for the archive's 3 MiB when verified (13.5 - 10 = 3.5 MiB), but the pre-restore backup of the current 3 MiB
        // takes most of it: the check just before writing refuses, and the profile and resumes stay as they were.
        var context = new ManagerTestContext(freeBytes: (27 * MiB) / 2);
        var manager = context.Initialized();
        context.WriteFile("resumes/current.pdf", Random(3 * MiB));
        var archive = ManagerArchiveBuilder.ValidManual().Add("resumes/restored.pdf", Random(3 * MiB)).Build();
        context.WriteFile("backups/snapshot_20250101_000000.zip", archive);
        var profile = context.ProfileBytes();
        manager.VerifyBackup("snapshot_20250101_000000.zip").Problems.Should().BeEmpty();
        context.FileSystem.Fault = (operation, path) =>
        {
            // The mock's free space does not shrink as files are written: the pre-restore backup's archive takes it here.
            if (operation == FaultOperation.Open && path.Contains("pre_restore", StringComparison.Ordinal))
            {
                context.FileSystem.GetDrive("/").AvailableFreeSpace -= 3 * MiB;
            }

            return null;
        };

        FluentActions.Invoking(() => manager.RestoreFromBackup("snapshot_20250101_000000.zip")).Should().ThrowExactly<InsufficientDiskSpaceException>();

        context.ProfileBytes().Should().Equal(profile);
        context.FileSystem.File.Exists(context.PathOf("resumes/current.pdf")).Should().BeTrue();
        context.FileSystem.File.Exists(context.PathOf("resumes/restored.pdf")).Should().BeFalse();
    }

    private static byte[] Repeated(long length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)'a');
        return bytes;
    }

    private static byte[] Random(long length)
    {
        var bytes = new byte[length];
        new Random(15).NextBytes(bytes);
        return bytes;
    }
}
