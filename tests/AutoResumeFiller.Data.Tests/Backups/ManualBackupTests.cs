using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Backups;

public class ManualBackupTests
{
    private static ManagerTestContext WithUserFiles()
    {
        var context = new ManagerTestContext();
        context.Initialized().SaveUserProfile(ManagerTestContext.ValidProfile());
        context.WriteFile("config.yaml", "llm: local\n");
        context.WriteFile("resumes/cv.pdf", RandomBytes(20_000, seed: 1));
        context.WriteFile("resumes/2025/Zoë résumé.txt", "Experienced programmer\n");
        context.WriteFile("resumes/.hidden", "hidden files count too");
        context.WriteFile("cover_letters/acme.txt", string.Concat(Enumerable.Repeat("Dear Acme, ", 500)));
        context.WriteFile("logs/app.log", "not backed up");
        return context;
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void BackupData_HoldsEveryPartWithMatchingChecksums()
    {
        var context = WithUserFiles();

        var path = context.Manager.BackupData();

        path.Should().Be("/data/arf/backups/manual_20250304_050607.zip");
        var entries = ManagerArchives.ReadEntries(context.FileSystem, path);
        var expected = new Dictionary<string, string>
        {
            ["data/user_profile.json"] = "data/user_profile.json",
            ["config.yaml"] = "config.yaml",
            ["resumes/cv.pdf"] = "resumes/cv.pdf",
            ["resumes/2025/Zoë résumé.txt"] = "resumes/2025/Zoë résumé.txt",
            ["resumes/.hidden"] = "resumes/.hidden",
            ["cover_letters/acme.txt"] = "cover_letters/acme.txt",
        };
        entries.Keys.Should().BeEquivalentTo(expected.Keys.Append("metadata.json"));
        foreach (var (entry, file) in expected)
        {
            entries[entry].Should().Equal(context.FileSystem.File.ReadAllBytes(context.PathOf(file)), entry);
        }

        var metadata = ManagerArchives.ReadMetadata(context.FileSystem, path);
        metadata.GetProperty("kind").GetString().Should().Be("manual");
        metadata.GetProperty("created_at").GetString().Should().Be("2025-03-04T05:06:07Z");
        metadata.GetProperty("version").GetString().Should().Be("1.0");
        metadata.GetProperty("source_path").GetString().Should().Be(ManagerTestContext.Root);
        metadata.GetProperty("missing").GetArrayLength().Should().Be(0);
        var records = metadata.GetProperty("files").EnumerateArray().ToList();
        records.Select(r => r.GetProperty("path").GetString()).Should().BeEquivalentTo(expected.Keys);
        foreach (var record in records)
        {
            var bytes = context.FileSystem.File.ReadAllBytes(context.PathOf(expected[record.GetProperty("path").GetString()!]));
            record.GetProperty("size_bytes").GetInt64().Should().Be(bytes.Length);
            record.GetProperty("sha256").GetString().Should().Be(ManagerArchives.Sha256(bytes));
        }

        context.Manager.VerifyBackup(path).Should().BeEquivalentTo(new { IsValid = true, FilesChecked = 6, Kind = (BackupKind?)BackupKind.Manual });
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void BackupData_AlreadyCompressedFilesStored_TextDeflated()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var repetitive = Encoding.ASCII.GetBytes(new string('a', 10_000));
        context.WriteFile("resumes/looks-compressed.PDF", repetitive);
        context.WriteFile("resumes/plain.txt", repetitive);

        var sizes = ManagerArchives.ReadSizes(context.FileSystem, context.Manager.BackupData());

        sizes["resumes/looks-compressed.PDF"].CompressedLength.Should().Be(10_000, "already compressed formats are stored");
        sizes["resumes/plain.txt"].CompressedLength.Should().BeLessThan(1_000, "text is deflated");
    }

    [Fact]
    public void BackupData_MissingParts_AreListed()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.Directory.Delete(context.PathOf("cover_letters"));

        var path = context.Manager.BackupData();

        var metadata = ManagerArchives.ReadMetadata(context.FileSystem, path);
        metadata.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).Should().Equal("config.yaml", "cover_letters/");
        ManagerArchives.ReadEntries(context.FileSystem, path).Keys.Should().BeEquivalentTo("data/user_profile.json", "metadata.json");
        context.Manager.VerifyBackup(path).IsValid.Should().BeTrue();
    }

    [Fact]
    public void BackupData_ReportsProgressUpToTheTotal()
    {
        var context = WithUserFiles();
        var reports = new List<BackupProgress>();

        context.Manager.BackupData("manual", new ManagerSynchronousProgress<BackupProgress>(reports.Add));

        var total = new[] { "data/user_profile.json", "config.yaml", "resumes/cv.pdf", "resumes/2025/Zoë résumé.txt", "resumes/.hidden", "cover_letters/acme.txt" }
            .Sum(f => context.FileSystem.FileInfo.New(context.PathOf(f)).Length);
        reports.Should().NotBeEmpty();
        reports.Should().OnlyContain(r => r.BytesTotal == total && r.FilesTotal == 6);
        reports.Select(r => r.BytesDone).Should().BeInAscendingOrder();
        reports[^1].Should().BeEquivalentTo(new { BytesDone = total, FilesDone = 6, Fraction = 1.0 });
        reports.Select(r => r.CurrentFile).Should().Contain("resumes/cv.pdf");
    }

    [Fact]
    public async Task BackupDataAsync_NamedBackup_WritesTheSameContent()
    {
        var context = WithUserFiles();
        var reports = new List<BackupProgress>();

        var path = await context.Manager.BackupDataAsync("before-job_2025.v1", new ManagerSynchronousProgress<BackupProgress>(reports.Add), TestContext.Current.CancellationToken);

        path.Should().Be("/data/arf/backups/before-job_2025.v1_20250304_050607.zip");
        context.Manager.VerifyBackup(path).IsValid.Should().BeTrue();
        context.Manager.ListAvailableBackups().Single(b => b.Path == path).Should().BeEquivalentTo(new { Kind = BackupKind.Manual, Name = "before-job_2025.v1" });
        reports.Should().NotBeEmpty();
    }

    [Fact]
    public async Task BackupDataAsync_CancelledDuringTheBackup_LeavesNoFile()
    {
        var context = WithUserFiles();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new ManagerSynchronousProgress<BackupProgress>(_ => cancellation.Cancel());
        var before = context.BackupFileNames();

        await FluentActions.Awaiting(() => context.Manager.BackupDataAsync("manual", progress, cancellation.Token))
            .Should().ThrowAsync<OperationCanceledException>();

        context.BackupFileNames().Should().Equal(before);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void BackupData_SameSecond_NeverOverwrites()
    {
        var context = new ManagerTestContext();
        context.Initialized();

        var first = context.Manager.BackupData();
        var second = context.Manager.BackupData();
        var third = context.Manager.BackupData();

        new[] { first, second, third }.Select(p => context.FileSystem.Path.GetFileName(p))
            .Should().Equal("manual_20250304_050607.zip", "manual_20250304_050607_2.zip", "manual_20250304_050607_3.zip");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("a..b")]
    [InlineData(".hidden")]
    [InlineData("CON")]
    [InlineData("nul")]
    [InlineData("com1.backup")]
    [InlineData("a\0b")]
    [InlineData("a:b")]
    [InlineData("a b")]
    [InlineData("auto_backup")]
    [InlineData("pre_restore")]
    public void BackupData_BadName_ThrowsArgumentExceptionAndWritesNothing(string name)
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();

        FluentActions.Invoking(() => context.Manager.BackupData(name)).Should().Throw<ArgumentException>().WithParameterName("backupName");

        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task BackupData_NameTooLongOrNull_ThrowsArgumentException()
    {
        var context = new ManagerTestContext();
        context.Initialized();

        FluentActions.Invoking(() => context.Manager.BackupData(new string('a', 101)))
            .Should().Throw<ArgumentException>().WithMessage("The backup name is 101 characters long; at most 100 are allowed.*");
        FluentActions.Invoking(() => context.Manager.BackupData(null!)).Should().Throw<ArgumentNullException>();
        await FluentActions.Awaiting(() => context.Manager.BackupDataAsync("../x", null, TestContext.Current.CancellationToken)).Should().ThrowAsync<ArgumentException>();
    }

    [Theory]
    [InlineData("manual")]
    [InlineData("before-job_2025.v1")]
    [InlineData("Résumé-2025")]
    [InlineData("CONFIG")]
    public void BackupData_GoodName_IsUsedInTheFileName(string name)
    {
        var context = new ManagerTestContext();
        context.Initialized();

        var path = context.Manager.BackupData(name);

        context.FileSystem.Path.GetFileName(path).Should().Be($"{name}_20250304_050607.zip");
    }

    [Fact]
    public void BackupData_HundredCharacterName_IsAccepted()
    {
        var context = new ManagerTestContext();
        context.Initialized();

        context.Manager.BackupData(new string('b', 100)).Should().EndWith(new string('b', 100) + "_20250304_050607.zip");
    }

    [Fact]
    public async Task BackupData_NoProfile_ThrowsProfileNotFound()
    {
        var context = new ManagerTestContext();

        FluentActions.Invoking(() => context.Manager.BackupData()).Should().ThrowExactly<ProfileNotFoundException>();
        context.Initialized();
        context.FileSystem.File.Delete(context.ProfilePath);
        FluentActions.Invoking(() => context.Manager.BackupData()).Should().ThrowExactly<ProfileNotFoundException>();
        await FluentActions.Awaiting(() => context.Manager.BackupDataAsync(cancellationToken: TestContext.Current.CancellationToken)).Should().ThrowExactlyAsync<ProfileNotFoundException>();
        context.BackupFileNames().Should().BeEmpty();
    }

    [Fact]
    public void BackupData_NotEnoughSpaceForFilesPlusMinimum_ThrowsInsufficientDiskSpace()
    {
        var context = new ManagerTestContext(o => o.MinimumFreeDiskSpaceBytes = 1024 * 1024);
        context.Initialized();
        context.WriteFile("resumes/big.bin", new byte[600 * 1024]);
        context.FileSystem.AddDrive("/", new System.IO.Abstractions.TestingHelpers.MockDriveData { AvailableFreeSpace = 1536 * 1024, TotalSize = 1L << 30 });

        var error = FluentActions.Invoking(() => context.Manager.BackupData()).Should().ThrowExactly<InsufficientDiskSpaceException>().Which;

        error.Message.Should().StartWith("Insufficient disk space (2MB required)");
        error.RequiredBytes.Should().BeGreaterThan(1024 * 1024 + 600 * 1024);
        context.BackupFileNames().Should().BeEmpty();
    }

    [Fact]
    public void BackupData_WriteFails_ThrowsTypedErrorAndLeavesNoFile()
    {
        var context = WithUserFiles();
        var before = context.BackupFileNames();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Write && path.StartsWith("/data/arf/backups/", StringComparison.Ordinal)
            ? FaultInjectingFileSystem.IOError(28)
            : null;

        FluentActions.Invoking(() => context.Manager.BackupData()).Should().ThrowExactly<InsufficientDiskSpaceException>();

        context.BackupFileNames().Should().Equal(before);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void BackupData_ReadingAFileDenied_ThrowsDataAccessDenied()
    {
        var context = WithUserFiles();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Open && path.EndsWith("cv.pdf", StringComparison.Ordinal) ? new UnauthorizedAccessException("denied") : null;

        FluentActions.Invoking(() => context.Manager.BackupData()).Should().ThrowExactly<DataAccessDeniedException>();

        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void BackupData_FileVanishesBeforeItIsRead_IsListedAsMissing()
    {
        var context = WithUserFiles();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Open && path.EndsWith("acme.txt", StringComparison.Ordinal) ? new FileNotFoundException("gone", path) : null;

        var path = context.Manager.BackupData();

        ManagerArchives.ReadMetadata(context.FileSystem, path).GetProperty("missing").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("cover_letters/acme.txt");
        context.Manager.VerifyBackup(path).IsValid.Should().BeTrue();
    }

    [Fact]
    public void BackupData_SymbolicLinksInResumes_AreSkippedNotFollowed()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.Directory.CreateDirectory("/etc");
        context.FileSystem.File.WriteAllText("/etc/secret", "must not leak");
        context.FileSystem.Directory.CreateDirectory("/etc/secret-folder");
        context.FileSystem.File.WriteAllText("/etc/secret-folder/a.txt", "must not leak");
        context.FileSystem.File.CreateSymbolicLink(context.PathOf("resumes/link.txt"), "/etc/secret");
        context.FileSystem.Directory.CreateSymbolicLink(context.PathOf("resumes/linked-folder"), "/etc/secret-folder");
        context.WriteFile("resumes/real.txt", "mine");

        var entries = ManagerArchives.ReadEntries(context.FileSystem, context.Manager.BackupData());

        entries.Keys.Should().BeEquivalentTo("data/user_profile.json", "resumes/real.txt", "metadata.json");
    }

    [Fact]
    public void BackupData_LogsEventWithKindFilesAndBytes()
    {
        var context = WithUserFiles();

        context.Manager.BackupData();

        var record = context.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 23);
        var state = record.StructuredState!.ToDictionary(s => s.Key, s => s.Value);
        state["Kind"].Should().Be("Manual");
        state["Files"].Should().Be("6");
    }
}
