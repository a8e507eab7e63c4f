using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

public class VerifyBackupTests
{
    private const string Unsafe = "has an unsafe name (absolute, '..', backslash, drive or control characters)";
    private const string ArchivePath = "/data/arf/backups/suspect_20250101_000000.zip";

    private static readonly byte[] Config = Encoding.UTF8.GetBytes("a: 1\n");

    private static (ManagerTestContext Context, BackupVerification Result) Verify(byte[] archive)
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("backups/suspect_20250101_000000.zip", archive);
        var before = context.Snapshot();
        var result = context.Manager.VerifyBackup(ArchivePath);
        context.Snapshot().Should().Equal(before, "verifying never changes anything");
        return (context, result);
    }

    private static IReadOnlyList<string> Problems(byte[] archive)
    {
        var (_, result) = Verify(archive);
        result.IsValid.Should().BeFalse();
        result.BackupPath.Should().Be(ArchivePath);
        return result.Problems;
    }

    [Fact]
    public void VerifyBackup_BackupsTheLibraryMade_AreValid()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.WriteFile("resumes/cv.txt", "cv");
        var manual = manager.BackupData();
        manager.RestoreFromBackup(manual);

        var results = manager.ListAvailableBackups().Select(b => manager.VerifyBackup(b.Path)).ToList();

        results.Should().HaveCount(3);
        results.Should().OnlyContain(r => r.IsValid && r.Problems.Count == 0);
        results.Select(r => r.Kind).Should().BeEquivalentTo(new BackupKind?[] { BackupKind.Auto, BackupKind.Manual, BackupKind.PreRestore });
        results.Single(r => r.Kind == BackupKind.Manual).FilesChecked.Should().Be(2);
    }

    [Fact]
    public void VerifyBackup_BareFileName_IsLookedUpInTheBackupsFolder()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var path = context.Manager.BackupData();

        var result = context.Manager.VerifyBackup(context.FileSystem.Path.GetFileName(path));

        result.BackupPath.Should().Be(path);
        result.IsValid.Should().BeTrue();
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 24);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void VerifyBackup_EmptyPath_ThrowsArgumentException(string path)
    {
        FluentActions.Invoking(() => new ManagerTestContext().Manager.VerifyBackup(path)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void VerifyBackup_Valid_HandBuiltArchive_IsValid()
    {
        var (_, result) = Verify(ManagerArchiveBuilder.ValidManual().Add("config.yaml", Config).Add("resumes/sub/cv.txt", "cv").Build());

        result.Problems.Should().BeEmpty();
        result.FilesChecked.Should().Be(3);
    }

    [Theory]
    [InlineData("../../evil")]
    [InlineData("resumes/../../evil")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\evil")]
    [InlineData("resumes\\..\\..\\evil")]
    [InlineData("C:/Windows/evil")]
    [InlineData("resumes/./x")]
    [InlineData("resumes//x")]
    [InlineData("resumes/trailing.")]
    public void VerifyBackup_UnsafeEntryName_IsRefused(string name)
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Add(name, "evil").Build());

        problems.Should().Contain($"entry '{name}' {Unsafe}");
    }

    [Fact]
    public void VerifyBackup_ControlCharactersInName_AreRefusedAndNotEchoed()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Add("resumes/a\u0001b", "x").Build());

        problems.Should().Contain($"entry 'resumes/a?b' {Unsafe}");
    }

    [Fact]
    public void VerifyBackup_DuplicateEntries_AreRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Add("config.yaml", Config).Add("config.yaml", "second", listed: false).Build());

        problems.Should().Contain("entry 'config.yaml' appears more than once");
    }

    [Fact]
    public void VerifyBackup_NamesDifferingOnlyInCase_AreDistinctFiles()
    {
        var (_, result) = Verify(ManagerArchiveBuilder.ValidManual().Add("resumes/CV.txt", "a").Add("resumes/cv.txt", "b").Build());

        result.Problems.Should().BeEmpty("a case-sensitive file system holds both, and a backup of them must verify");
    }

    [Fact]
    public void VerifyBackup_ChecksumMismatch_IsRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Add("config.yaml", Config, recordedSha256: new string('0', 64)).Build());

        problems.Should().Equal($"'config.yaml' fails its SHA-256 check (expected {new string('0', 64)}, found {ManagerArchives.Sha256(Config)})");
    }

    [Fact]
    public void VerifyBackup_SizeMismatch_IsRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Add("config.yaml", Config, recordedSize: Config.Length + 1).Build());

        problems.Should().Equal("'config.yaml' is 5 bytes in the archive but 6 in metadata.json");
    }

    [Fact]
    public void VerifyBackup_NoMetadata_IsRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().WithoutMetadata().Build());

        problems.Should().Equal("metadata.json is missing");
    }

    [Fact]
    public void VerifyBackup_TwoMetadataFiles_AreRefused()
    {
        var builder = ManagerArchiveBuilder.ValidManual().Add("metadata.json", ManagerArchives.Metadata("manual", []), listed: false);

        var problems = Problems(builder.Build());

        problems.Should().Contain("metadata.json appears more than once");
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"kind\":\"manual\",\"files\":null}")]
    [InlineData("{\"kind\":\"manual\",\"files\":[null]}")]
    [InlineData("{\"kind\":\"manual\",\"kind\":\"auto\",\"files\":[]}")]
    public void VerifyBackup_UnreadableMetadata_IsRefused(string metadata)
    {
        var archive = new ManagerArchiveBuilder().WithoutMetadata()
            .Add("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile()))
            .Add("metadata.json", metadata)
            .Build();

        var problems = Problems(archive);

        problems.Should().ContainSingle(p => p.StartsWith("metadata.json", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyBackup_UnknownKind_IsRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Kind("weekly").Build());

        problems.Should().Contain("metadata.json has an unknown kind 'weekly'");
    }

    [Fact]
    public void VerifyBackup_EntryNotListedInMetadata_IsRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Add("resumes/smuggled.txt", "x", listed: false).Build());

        problems.Should().Equal("entry 'resumes/smuggled.txt' is not listed in metadata.json");
    }

    [Fact]
    public void VerifyBackup_ListedFileMissingFromArchive_IsRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Record("resumes/ghost.txt", 1, new string('a', 64)).Build());

        problems.Should().Equal("'resumes/ghost.txt' is listed in metadata.json but missing from the archive");
    }

    [Fact]
    public void VerifyBackup_FileListedTwice_IsRefused()
    {
        var problems = Problems(ManagerArchiveBuilder.ValidManual().Add("config.yaml", Config).Record("config.yaml", Config.Length, ManagerArchives.Sha256(Config)).Build());

        problems.Should().Equal("metadata.json lists 'config.yaml' more than once");
    }

    [Fact]
    public void VerifyBackup_EntryOutsideTheLayout_IsRefused()
    {
        Problems(ManagerArchiveBuilder.ValidManual().Add("logs/app.log", "x").Build())
            .Should().StartWith("entry 'logs/app.log' is outside the data layout of a manual backup");
        Problems(ManagerArchiveBuilder.ValidAuto().Add("config.yaml", Config).Build())
            .Should().StartWith("entry 'config.yaml' is outside the data layout of an auto backup");
        Verify(ManagerArchiveBuilder.ValidManual().Add("resumes/", [], listed: false).Build()).Result.Problems
            .Should().BeEmpty("a folder entry carries no data");
    }

    [Fact]
    public void VerifyBackup_NoProfile_IsRefused()
    {
        Problems(new ManagerArchiveBuilder().Add("config.yaml", Config).Build())
            .Should().Equal("the backup holds no profile (data/user_profile.json)");
        Problems(new ManagerArchiveBuilder().Kind("auto").Build())
            .Should().Equal("the backup holds no profile (user_profile.json)");
    }

    [Fact]
    public void VerifyBackup_TruncatedArchive_IsRefusedWithoutThrowing()
    {
        var archive = ManagerArchiveBuilder.ValidManual().Add("config.yaml", Config).Build();

        foreach (var length in new[] { archive.Length / 2, archive.Length - 10, 30, 0 })
        {
            var problems = Problems(archive[..length]);

            problems.Should().ContainSingle().Which.Should().StartWith("the archive cannot be read: ");
        }
    }

    [Fact]
    public void VerifyBackup_NotAZip_IsRefused()
    {
        Problems(Encoding.UTF8.GetBytes("{\"this\": \"is json, not a zip\"}"))
            .Should().ContainSingle().Which.Should().StartWith("the archive cannot be read: ");
    }

    [Fact]
    public void VerifyBackup_CorruptedEntryData_IsRefused()
    {
        var archive = ManagerArchives.HandBuilt(
        [
            ("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile()), null, null),
            ("config.yaml", Config, null, null),
            ("metadata.json", ManagerArchives.Metadata("manual", [
                ("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile()).Length, ManagerArchives.Sha256(UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile()))),
                ("config.yaml", Config.Length, ManagerArchives.Sha256(Config)),
            ]), null, null),
        ]);
        var configData = archive.AsSpan().IndexOf("a: 1\n"u8);
        archive[configData] = (byte)'b';

        var problems = Problems(archive);

        problems.Should().ContainSingle().Which.Should().Match("'config.yaml*");
    }

    [Fact]
    public void VerifyBackup_MissingFile_IsRefused()
    {
        var context = new ManagerTestContext();

        var result = context.Manager.VerifyBackup("/nowhere/manual_20250101_000000.zip");

        result.Problems.Should().Equal("the file does not exist");
    }

    [Fact]
    public void VerifyBackup_BackupIsASymbolicLink_IsRefused()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("elsewhere/real.zip", ManagerArchiveBuilder.ValidManual().Build());
        context.FileSystem.File.CreateSymbolicLink(ArchivePath, context.PathOf("elsewhere/real.zip"));

        context.Manager.VerifyBackup(ArchivePath).Problems.Should().Equal("the backup is a symbolic link; only regular files are trusted");
    }

    [Fact]
    public void VerifyBackup_SymlinkEntry_IsRefused()
    {
        var archive = ManagerArchiveBuilder.ValidManual().Add("resumes/link", Encoding.UTF8.GetBytes("/etc/passwd"), externalAttributes: unchecked((int)(0xA1FFu << 16))).Build();

        Problems(archive).Should().StartWith("entry 'resumes/link' is a symbolic link");
    }

    [Fact]
    public void VerifyBackup_EntryClaimingTenGigabytesFromOneKilobyte_IsRefusedAsABomb()
    {
        var profile = UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile());
        var small = Encoding.ASCII.GetBytes(new string('x', 1024));
        var tenGigabytes = 10L * 1024 * 1024 * 1024;
        var archive = ManagerArchives.HandBuilt(
        [
            ("data/user_profile.json", profile, null, null),
            ("resumes/bomb.txt", small, tenGigabytes, null),
            ("metadata.json", ManagerArchives.Metadata("manual", [
                ("data/user_profile.json", profile.Length, ManagerArchives.Sha256(profile)),
                ("resumes/bomb.txt", tenGigabytes, ManagerArchives.Sha256(small)),
            ]), null, null),
        ]);

        var problems = Problems(archive);

        problems.Should().Contain("entry 'resumes/bomb.txt' expands to 10737418240 bytes from 1024 compressed (10485760:1; more than 100:1 is refused for entries over 1 MiB: zip bomb or corruption)");
    }

    [Fact]
    public void VerifyBackup_PatchedHeadersClaimingFourGigabytes_IsRefusedAsABomb()
    {
        var content = Encoding.ASCII.GetBytes(new string('y', 1024));
        var archive = ManagerArchiveBuilder.ValidManual().Add("resumes/patched.txt", content).Build();
        PatchUncompressedSize(archive, "resumes/patched.txt", 0xFFFF_FFF0u);

        var problems = Problems(archive);

        problems.Should().ContainMatch("entry 'resumes/patched.txt' expands to 4294967280 bytes from * compressed (*:1; more than 100:1 is refused for entries over 1 MiB: zip bomb or corruption)");
    }

    [Fact]
    public void VerifyBackup_TotalClaimedSizeOverTheLimit_IsRefused()
    {
        var profile = UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile());
        var twoGigabytes = 2L * 1024 * 1024 * 1024;
        var entries = new List<(string, byte[], long?, long?)> { ("data/user_profile.json", profile, null, null) };
        var records = new List<(string, long, string)> { ("data/user_profile.json", profile.Length, ManagerArchives.Sha256(profile)) };
        for (var i = 0; i < 3; i++)
        {
            // A believable ratio (1000:1) each, but together more than any real data directory.
            entries.Add(($"resumes/part{i}.txt", [1, 2, 3], twoGigabytes, twoGigabytes / 1000));
            records.Add(($"resumes/part{i}.txt", twoGigabytes, new string('0', 64)));
        }

        var metadata = ManagerArchives.Metadata("manual", records);
        entries.Add(("metadata.json", metadata, null, null));

        var problems = Problems(ManagerArchives.HandBuilt(entries));

        problems.Should().Contain($"the archive claims {(3 * twoGigabytes) + profile.Length + metadata.Length} uncompressed bytes, more than the 4294967296 allowed");
    }

    [Fact]
    public void VerifyBackup_InvalidProfileInside_IsRefused()
    {
        var archive = new ManagerArchiveBuilder().Add("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.InvalidProfile())).Build();

        var problems = Problems(archive);

        problems.Should().HaveCount(3).And.AllSatisfy(p => p.Should().StartWith("the profile in the backup is invalid: "));
        problems[0].Should().StartWith("the profile in the backup is invalid: personal_info.email: ");
    }

    [Fact]
    public void VerifyBackup_CorruptProfileInside_IsRefused()
    {
        var archive = ManagerArchiveBuilder.ValidAuto().Build();
        var corrupt = new ManagerArchiveBuilder().Kind("auto").Add("user_profile.json", "{ \"version\": ").Build();

        Problems(corrupt).Should().ContainSingle().Which.Should().StartWith("the profile in the backup is corrupted: Failed to parse user_profile.json: ");
        Verify(archive).Result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void VerifyBackup_EntryLongerThanItsClaimedSize_IsRefused()
    {
        var profile = UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile());
        var content = Encoding.ASCII.GetBytes("0123456789");
        var archive = ManagerArchives.HandBuilt(
        [
            ("data/user_profile.json", profile, null, null),
            ("resumes/x.txt", content, 3, null),
            ("metadata.json", ManagerArchives.Metadata("manual", [
                ("data/user_profile.json", profile.Length, ManagerArchives.Sha256(profile)),
                ("resumes/x.txt", 3, ManagerArchives.Sha256(content[..3])),
            ]), null, null),
        ]);

        Problems(archive).Should().ContainSingle().Which.Should().Match("'resumes/x.txt' *decompress*");
    }

    [Fact]
    public void VerifyBackup_MetadataClaimingMoreThanSixteenMegabytes_IsRefused()
    {
        var profile = UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile());
        var metadata = ManagerArchives.Metadata("manual", [("data/user_profile.json", profile.Length, ManagerArchives.Sha256(profile))]);
        var archive = ManagerArchives.HandBuilt(
        [
            ("data/user_profile.json", profile, null, null),
            ("metadata.json", metadata, 17L * 1024 * 1024, 17L * 1024 * 1024 / 100),
        ]);

        Problems(archive).Should().Equal("metadata.json is too large");
    }

    /// <summary>Rewrites the uncompressed-size field of <paramref name="entryName"/> in its local header and its central directory header.</summary>
    private static void PatchUncompressedSize(byte[] archive, string entryName, uint claimed)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < archive.Length; i++)
        {
            var signature = BitConverter.ToUInt32(archive, i);
            if (signature == 0x04034b50 && archive.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(archive.AsSpan(i + 22, 4), claimed).Should().BeTrue();
                patched++;
            }
            else if (signature == 0x02014b50 && archive.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(archive.AsSpan(i + 24, 4), claimed).Should().BeTrue();
                patched++;
            }
        }

        patched.Should().Be(2, "both headers of the entry are patched");
    }
}
