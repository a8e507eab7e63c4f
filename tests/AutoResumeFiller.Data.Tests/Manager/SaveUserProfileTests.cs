using System.Globalization;
using System.Text;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Manager;

public class SaveUserProfileTests
{
    private static bool IsProfileTemp(string path) =>
        path.StartsWith("/data/arf/data/.user_profile.json.", StringComparison.Ordinal) && path.EndsWith(".tmp", StringComparison.Ordinal);

    [Fact]
    public void SaveUserProfile_Valid_WritesTheProfileWithLastUpdatedFromTheClock()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.Time.Advance(TimeSpan.FromMinutes(10));
        var profile = ManagerTestContext.ValidProfile();
        profile.LastUpdated = new DateTime(1999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        manager.SaveUserProfile(profile);

        profile.LastUpdated.Should().Be(new DateTime(2025, 3, 4, 5, 16, 7, DateTimeKind.Utc));
        context.ProfileBytes().Should().Equal(UserProfileSerializer.Serialize(profile));
        context.FileSystem.File.ReadAllText(context.ProfilePath).Should().Contain("\"last_updated\": \"2025-03-04T05:16:07Z\"");
        var loaded = manager.LoadUserProfile();
        loaded.PersonalInfo!.FirstName.Should().Be("Ada");
        loaded.LastUpdated.Should().Be(profile.LastUpdated);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_LargeProfileThenSmallOne_EachFileIsExactlyTheSerializersBytes()
    {
        // The save serializes into pooled arrays: a 300 KB profile grows the buffer several times, and the small one
        // saved next may get the same array back, still holding the large one's bytes past its own end.
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var large = ManagerTestContext.ValidProfile();
        large.WorkExperience = [.. Enumerable.Range(0, 400).Select(i => Profiles.ValidWork())];
        large.WorkExperience.ForEach(job => job.Responsibilities = [new string('r', 600)]);

        manager.SaveUserProfile(large);
        var largeBytes = context.ProfileBytes();
        var small = ManagerTestContext.ValidProfile("Grace");
        manager.SaveUserProfile(small);

        largeBytes.Length.Should().BeGreaterThan(256 * 1024);
        largeBytes.Should().Equal(UserProfileSerializer.Serialize(large));
        context.ProfileBytes().Should().Equal(UserProfileSerializer.Serialize(small));
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Grace");
    }

    [Fact]
    public async Task SaveUserProfileAsync_Valid_Writes()
    {
        var context = new ManagerTestContext();
        context.Initialized();

        await context.Manager.SaveUserProfileAsync(ManagerTestContext.ValidProfile("Grace"), TestContext.Current.CancellationToken);

        (await context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken)).PersonalInfo!.FirstName.Should().Be("Grace");
    }

    [Fact]
    public void SaveUserProfile_NotInitialized_CreatesTheLayoutAndWritesWithoutBackup()
    {
        var context = new ManagerTestContext();

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.FileSystem.Directory.Exists(context.PathOf("backups")).Should().BeTrue();
        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Ada");
        context.BackupFileNames().Should().BeEmpty("there was no profile to back up");
    }

    [Fact]
    public async Task SaveUserProfile_Null_ThrowsArgumentNull()
    {
        var context = new ManagerTestContext();

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(null!)).Should().Throw<ArgumentNullException>();
        await FluentActions.Awaiting(() => context.Manager.SaveUserProfileAsync(null!, TestContext.Current.CancellationToken)).Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task SaveUserProfile_Invalid_ThrowsWithEveryErrorAndWritesNothing()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();
        var profile = ManagerTestContext.InvalidProfile();
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        profile.LastUpdated = stamp;

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(profile))
            .Should().ThrowExactly<ProfileValidationException>()
            .Which.Errors.Select(e => e.Path).Should().Equal("personal_info.email", "work_experience[0].start_date", "work_experience[0].responsibilities");
        await FluentActions.Awaiting(() => context.Manager.SaveUserProfileAsync(profile, TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<ProfileValidationException>();

        context.Snapshot().Should().Equal(before);
        profile.LastUpdated.Should().Be(stamp);
    }

    [Fact]
    public void SaveUserProfile_LessThanTenMegabytesFree_ThrowsInsufficientDiskSpaceAndWritesNothing()
    {
        var context = new ManagerTestContext(freeBytes: 5L * 1024 * 1024);
        context.Initialized();
        var before = context.Snapshot();
        var profile = ManagerTestContext.ValidProfile();
        var stamp = profile.LastUpdated;

        var error = FluentActions.Invoking(() => context.Manager.SaveUserProfile(profile))
            .Should().ThrowExactly<InsufficientDiskSpaceException>().Which;

        error.Message.Should().Be("Insufficient disk space (10MB required): 5MB free on the drive of '/data/arf/data'.");
        error.RequiredBytes.Should().Be(10L * 1024 * 1024);
        error.AvailableBytes.Should().Be(5L * 1024 * 1024);
        error.Suggestion.Should().Contain("Free some disk space");
        context.Snapshot().Should().Equal(before);
        profile.LastUpdated.Should().Be(stamp);
    }

    [Theory]
    [InlineData(1, "1MB")]
    [InlineData(1024 * 1024, "1MB")]
    [InlineData(1024 * 1024 + 1, "2MB")]
    [InlineData(50L * 1024 * 1024, "50MB")]
    public void SaveUserProfile_CustomMinimum_MessageNamesItInWholeMegabytes(long minimum, string shown)
    {
        var context = new ManagerTestContext(o => o.MinimumFreeDiskSpaceBytes = minimum, freeBytes: 0);
        context.Initialized();

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile()))
            .Should().ThrowExactly<InsufficientDiskSpaceException>()
            .WithMessage($"Insufficient disk space ({shown} required): 0MB free on the drive of '/data/arf/data'.");
    }

    [Fact]
    public void SaveUserProfile_ExactlyTheMinimumFree_Saves()
    {
        var context = new ManagerTestContext(freeBytes: 10L * 1024 * 1024);
        context.Initialized();

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        context.Manager.LoadUserProfile().PersonalInfo.Should().NotBeNull();
    }

    public static TheoryData<string> Faults() =>
    [
        "write-enospc", "write-windows-disk-full", "write-windows-handle-disk-full", "write-edquot",
        "write-denied", "write-io", "open-denied", "open-disk-full", "move-io", "move-denied", "move-disk-full",
    ];

    [Theory]
    [MemberData(nameof(Faults))]
    public void SaveUserProfile_StepFails_OldProfileByteForByteIntactAndNoTempLeft(string fault)
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Old"));
        var oldBytes = context.ProfileBytes();
        var profile = ManagerTestContext.ValidProfile("New");
        var stamp = new DateTime(2010, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        profile.LastUpdated = stamp;
        context.Time.Advance(TimeSpan.FromSeconds(5));
        var (operation, exception, expected) = Describe(fault);
        context.FileSystem.Fault = (op, path) =>
            op == operation && (op == FaultOperation.Move ? path == context.ProfilePath : IsProfileTemp(path)) ? exception : null;
        context.FileSystem.ClearCalls();

        var act = () => manager.SaveUserProfile(profile);

        var error = act.Should().Throw<UserDataException>().Which;
        error.GetType().Should().Be(expected);
        error.InnerException.Should().BeSameAs(exception);
        context.FileSystem.CountCalls(operation, p => operation == FaultOperation.Move ? p == context.ProfilePath : IsProfileTemp(p)).Should().Be(1, "Linux never retries");
        context.ProfileBytes().Should().Equal(oldBytes);
        context.TempFiles().Should().BeEmpty();
        profile.LastUpdated.Should().Be(stamp);
        context.FileSystem.Fault = null;
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Old");
    }

    private static (FaultOperation Operation, Exception Exception, Type Expected) Describe(string fault) => fault switch
    {
        "write-enospc" => (FaultOperation.Write, FaultInjectingFileSystem.IOError(28, "No space left on device"), typeof(InsufficientDiskSpaceException)),
        "write-windows-disk-full" => (FaultOperation.Write, FaultInjectingFileSystem.IOError(unchecked((int)0x80070070)), typeof(InsufficientDiskSpaceException)),
        "write-windows-handle-disk-full" => (FaultOperation.Write, FaultInjectingFileSystem.IOError(unchecked((int)0x80070027)), typeof(InsufficientDiskSpaceException)),
        "write-edquot" => (FaultOperation.Write, FaultInjectingFileSystem.IOError(122, "Disk quota exceeded"), typeof(InsufficientDiskSpaceException)),
        "write-denied" => (FaultOperation.Write, new UnauthorizedAccessException("denied"), typeof(DataAccessDeniedException)),
        "write-io" => (FaultOperation.Write, new IOException("Input/output error"), typeof(UserDataException)),
        "open-denied" => (FaultOperation.Open, new UnauthorizedAccessException("denied"), typeof(DataAccessDeniedException)),
        "open-disk-full" => (FaultOperation.Open, FaultInjectingFileSystem.IOError(28), typeof(InsufficientDiskSpaceException)),
        "move-io" => (FaultOperation.Move, new IOException("rename failed"), typeof(UserDataException)),
        "move-denied" => (FaultOperation.Move, new UnauthorizedAccessException("denied"), typeof(DataAccessDeniedException)),
        "move-disk-full" => (FaultOperation.Move, FaultInjectingFileSystem.IOError(28), typeof(InsufficientDiskSpaceException)),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    [Fact]
    public void SaveUserProfile_DiskFullDuringWrite_MessageSaysSoAndNamesTheFile()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Write && IsProfileTemp(path) ? FaultInjectingFileSystem.IOError(28) : null;

        var error = FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile()))
            .Should().ThrowExactly<InsufficientDiskSpaceException>().Which;

        error.Message.Should().Be("Insufficient disk space: the disk filled up while writing '/data/arf/data/user_profile.json'.");
        error.AvailableBytes.Should().BeNull();
    }

    [Fact]
    public void SaveUserProfile_TempCleanupAlsoFails_LogsAndThrowsTheOriginalError()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var oldBytes = context.ProfileBytes();
        context.FileSystem.Fault = (op, path) => op switch
        {
            FaultOperation.Write when IsProfileTemp(path) => FaultInjectingFileSystem.IOError(28),
            FaultOperation.Delete when IsProfileTemp(path) => new IOException("busy"),
            _ => null,
        };

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile()))
            .Should().ThrowExactly<InsufficientDiskSpaceException>();

        context.ProfileBytes().Should().Equal(oldBytes);
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 13 && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);

        // The next save, under the exclusive lock, removes what the failed cleanup left behind.
        context.FileSystem.Fault = null;
        context.TempFiles().Should().ContainSingle();
        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_WindowsReplaceFailsTwiceWithSharingViolation_RetriesAndSaves()
    {
        var context = new ManagerTestContext(os: OSFamily.Windows);
        context.Initialized();
        var failures = 0;
        context.FileSystem.Fault = (op, path) =>
            op == FaultOperation.Move && path == context.ProfilePath && failures++ < 2 ? FaultInjectingFileSystem.IOError(unchecked((int)0x80070020), "sharing violation") : null;
        context.FileSystem.ClearCalls();

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile("Retried"));

        context.FileSystem.CountCalls(FaultOperation.Move, p => p == context.ProfilePath).Should().Be(3);
        context.Manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Retried");
        context.TempFiles().Should().BeEmpty();
        var retries = context.Logger.Collector.GetSnapshot().Where(r => r.Id.Id == 11).ToList();
        retries.Select(r => r.StructuredState!.Single(s => s.Key == "Attempt").Value).Should().Equal("1", "2");
    }

    [Theory]
    [InlineData("sharing")]
    [InlineData("lock")]
    [InlineData("denied")]
    public void SaveUserProfile_WindowsReplaceAlwaysFails_GivesUpAfterTenAttemptsWithTypedError(string kind)
    {
        var context = new ManagerTestContext(os: OSFamily.Windows);
        context.Initialized();
        var oldBytes = context.ProfileBytes();
        Exception failure = kind switch
        {
            "sharing" => FaultInjectingFileSystem.IOError(unchecked((int)0x80070020), "sharing violation"),
            "lock" => FaultInjectingFileSystem.IOError(unchecked((int)0x80070021), "lock violation"),
            _ => new UnauthorizedAccessException("denied"),
        };
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Move && path == context.ProfilePath ? failure : null;
        context.FileSystem.ClearCalls();

        var error = FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile()))
            .Should().Throw<UserDataException>().Which;

        error.GetType().Should().Be(kind == "denied" ? typeof(DataAccessDeniedException) : typeof(UserDataException));
        error.InnerException.Should().BeSameAs(failure);
        context.FileSystem.CountCalls(FaultOperation.Move, p => p == context.ProfilePath).Should().Be(10);
        context.ProfileBytes().Should().Equal(oldBytes);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_WindowsReplaceFailsWithOtherError_DoesNotRetry()
    {
        var context = new ManagerTestContext(os: OSFamily.Windows);
        context.Initialized();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Move && path == context.ProfilePath ? new IOException("other", unchecked((int)0x80070005 + 1)) : null;
        context.FileSystem.ClearCalls();

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile())).Should().ThrowExactly<UserDataException>();

        context.FileSystem.CountCalls(FaultOperation.Move, p => p == context.ProfilePath).Should().Be(1);
    }

    [Fact]
    public void SaveUserProfile_FirstSaveOfANewManager_RemovesStaleTempFilesUnderTheLock()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("data/.user_profile.json.fedcba9876543210.tmp", "half-written");
        context.WriteFile("backups/.auto_backup_20250101_000000.zip.00112233445566aa.tmp", "half-written");
        context.WriteFile("data/keep.tmp", "foreign");

        context.NewManager().SaveUserProfile(ManagerTestContext.ValidProfile());

        context.TempFiles().Should().Equal("/data/arf/data/keep.tmp");
    }

    [Fact]
    public void SaveUserProfile_LaterSavesOfTheSameManager_DoNotListTheFoldersAgain()
    {
        // A temp file is left only by a process that stopped mid-write; the next manager's first write removes it.
        var context = new ManagerTestContext();
        var manager = context.NewManager();
        manager.SaveUserProfile(ManagerTestContext.ValidProfile("First"));
        context.WriteFile("data/.user_profile.json.fedcba9876543210.tmp", "left by another process");

        manager.SaveUserProfile(ManagerTestContext.ValidProfile("Second"));

        context.TempFiles().Should().Equal("/data/arf/data/.user_profile.json.fedcba9876543210.tmp");
        manager.LoadUserProfile().PersonalInfo!.FirstName.Should().Be("Second");
        context.NewManager().SaveUserProfile(ManagerTestContext.ValidProfile("Third"));
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_LogsEventThreeWithTheDurationFromTheTimeProvider()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.Fault = (op, path) =>
        {
            if (op == FaultOperation.Write && IsProfileTemp(path))
            {
                context.Time.Advance(TimeSpan.FromMilliseconds(250));
            }

            return null;
        };

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        var record = context.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 3);
        record.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Information);
        var state = record.StructuredState!.ToDictionary(s => s.Key, s => s.Value);
        double.Parse(state["ElapsedMs"]!, CultureInfo.InvariantCulture).Should().Be(250);
        state["Bytes"].Should().Be(context.ProfileBytes().Length.ToString(CultureInfo.InvariantCulture));
        state["ProfilePath"].Should().Be(context.ProfilePath);
        record.Message.Should().Be($"Saved profile {context.ProfilePath} ({context.ProfileBytes().Length} bytes) in 250 ms");
    }

    [Fact]
    public void SaveUserProfile_UnknownPropertiesFromANewerApp_ArePreserved()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("data/user_profile.json", "{\"version\":\"1.0\",\"skills\":[],\"from_the_future\":[1,2,3],\"last_updated\":\"2020-01-01T00:00:00Z\"}");

        var profile = context.Manager.LoadUserProfile();
        profile.Skills.Add("Rust");
        context.Manager.SaveUserProfile(profile);

        Encoding.UTF8.GetString(context.ProfileBytes()).Should().Contain("\"from_the_future\"");
    }

    [Theory]
    [InlineData("lone surrogate")]
    [InlineData("too deep")]
    public void SaveUserProfile_UnknownPropertyJsonCannotHold_ThrowsValidationAndWritesNothing(string kind)
    {
        // Both load through System.Text.Json (an escaped lone surrogate is kept raw; a deep value is built in code), but
        // neither can be written: the save refuses with a typed error instead of an untyped JsonException.
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();
        var value = kind == "lone surrogate"
            ? "\"\\ud800\""
            : string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));
        using var document = System.Text.Json.JsonDocument.Parse(value, new System.Text.Json.JsonDocumentOptions { MaxDepth = 100 });
        var profile = ManagerTestContext.ValidProfile();
        profile.AdditionalProperties = new() { ["from_the_future"] = document.RootElement.Clone() };

        var error = FluentActions.Invoking(() => context.Manager.SaveUserProfile(profile))
            .Should().ThrowExactly<ProfileValidationException>().Which;

        error.Errors.Should().ContainSingle().Which.Message.Should().StartWith("cannot be written as JSON: ");
        context.Snapshot().Should().Equal(before);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_InvalidAndUnwritable_ReportsTheValidatorsErrorsFirst()
    {
        // An invalid email and unknown-property JSON that cannot be written: the user's mistake is what gets reported.
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();
        using var document = System.Text.Json.JsonDocument.Parse("\"\\ud800\"");
        var profile = ManagerTestContext.ValidProfile();
        profile.PersonalInfo!.Email = "not-an-email";
        profile.AdditionalProperties = new() { ["from_the_future"] = document.RootElement.Clone() };

        var error = FluentActions.Invoking(() => context.Manager.SaveUserProfile(profile))
            .Should().ThrowExactly<ProfileValidationException>().Which;

        error.Errors.Should().ContainSingle().Which.Path.Should().Be("personal_info.email");
        context.Snapshot().Should().Equal(before);
        context.TempFiles().Should().BeEmpty();
    }

    [Fact]
    public void SaveUserProfile_NullItemAddedInCode_ThrowsValidationAndWritesNothing()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var before = context.Snapshot();
        var profile = ManagerTestContext.ValidProfile();
        profile.WorkExperience.Add(null!);

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(profile)).Should().ThrowExactly<ProfileValidationException>();
        context.Snapshot().Should().Equal(before);
        context.TempFiles().Should().BeEmpty();
    }

    [Theory]
    [InlineData("free-space check")]
    [InlineData("write")]
    public void SaveUserProfile_InvalidProfileAndDiskFull_ReportsTheValidationErrors(string failing)
    {
        // Validation runs while the temp file is written (on a real disk), but its errors are what the caller hears.
        var context = new ManagerTestContext(o => o.MinimumFreeDiskSpaceBytes = 1000);
        context.Initialized();
        var before = context.Snapshot();
        if (failing == "write")
        {
            context.FileSystem.Fault = (op, path) => op == FaultOperation.Write && path.EndsWith(".tmp", StringComparison.Ordinal)
                ? FaultInjectingFileSystem.IOError(28, "No space left on device")
                : null;
        }
        else
        {
            context.FileSystem.AddDrive("/", new System.IO.Abstractions.TestingHelpers.MockDriveData { AvailableFreeSpace = 10, TotalSize = 1L << 30 });
        }

        var error = FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.InvalidProfile()))
            .Should().ThrowExactly<ProfileValidationException>().Which;

        error.Errors.Should().HaveCount(3);
        context.Snapshot().Should().Equal(before);
        context.TempFiles().Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SaveUserProfile_InvalidProfile_IsRefusedBeforeAnyFileIsOpened(bool autoBackup)
    {
        var context = new ManagerTestContext(o => o.AutoBackupEnabled = autoBackup);
        context.Initialized();
        var before = context.Snapshot();
        var opened = context.RecordOpenedFiles();

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.InvalidProfile())).Should().ThrowExactly<ProfileValidationException>();

        opened.Should().NotContain(path => path.EndsWith(".tmp", StringComparison.Ordinal) || path.EndsWith(".zip", StringComparison.Ordinal) || path.EndsWith("user_profile.json", StringComparison.Ordinal),
            "an invalid profile is refused before anything is opened for writing or backed up");
        context.Snapshot().Should().Equal(before);
    }
}
