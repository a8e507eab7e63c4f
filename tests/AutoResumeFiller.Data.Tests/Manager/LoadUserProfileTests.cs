using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Manager;

public class LoadUserProfileTests
{
    private const string NotFoundMessage = "User profile not found at '/data/arf/data/user_profile.json'.";

    [Fact]
    public void LoadUserProfile_NeverInitialized_ThrowsProfileNotFoundSuggestingInitialize()
    {
        var context = new ManagerTestContext();
        var before = context.Snapshot();

        var act = () => context.Manager.LoadUserProfile();

        var error = act.Should().ThrowExactly<ProfileNotFoundException>().WithMessage(NotFoundMessage).Which;
        error.Suggestion.Should().Contain("InitializeDataDirectory()");
        error.ProfilePath.Should().Be(context.ProfilePath);
        context.Snapshot().Should().Equal(before, "a load must not create anything");
    }

    [Fact]
    public async Task LoadUserProfile_ProfileDeleted_ThrowsProfileNotFoundSyncAndAsync()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.File.Delete(context.ProfilePath);

        FluentActions.Invoking(() => context.Manager.LoadUserProfile())
            .Should().ThrowExactly<ProfileNotFoundException>().WithMessage(NotFoundMessage)
            .Which.InnerException.Should().BeAssignableTo<FileNotFoundException>();
        await FluentActions.Awaiting(() => context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<ProfileNotFoundException>().WithMessage(NotFoundMessage);
        await FluentActions.Awaiting(() => context.NewManager().LoadUserProfileAsync(TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<ProfileNotFoundException>();
    }

    [Fact]
    public async Task LoadUserProfileAsync_NeverInitialized_ThrowsProfileNotFound()
    {
        var context = new ManagerTestContext();

        await FluentActions.Awaiting(() => context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<ProfileNotFoundException>().WithMessage(NotFoundMessage);
    }

    [Theory]
    [InlineData("{ \"version\": \"1.0\", ", "$")]
    [InlineData("{\"version\":\"1.0\",\"skills\":5}", "$.skills")]
    [InlineData("{\"version\":\"1.0\",\"work_experience\":[{\"company\":{}}]}", "$.work_experience[0].company")]
    [InlineData("null", "$")]
    [InlineData("", "LineNumber: 0")]
    public void LoadUserProfile_Corrupt_ThrowsProfileCorruptedListingBackupsAndChangesNothing(string content, string jsonPath)
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("backups/auto_backup_20250101_100000.zip", "zip");
        context.WriteFile("backups/manual_20250102_090000.zip", "zip");
        context.WriteFile("backups/auto_backup_20250101_100000_2.zip", "zip");
        context.WriteFile("backups/notes.zip", "foreign");
        context.WriteFile("data/user_profile.json", content);
        var before = context.Snapshot();

        var act = () => context.Manager.LoadUserProfile();

        var error = act.Should().ThrowExactly<ProfileCorruptedException>().Which;
        error.Message.Should().StartWith("Failed to parse user_profile.json: ");
        error.Message.Should().Contain(jsonPath);
        error.AvailableBackups.Select(b => b.FileName).Should().Equal(
            "manual_20250102_090000.zip", "auto_backup_20250101_100000_2.zip", "auto_backup_20250101_100000.zip");
        error.Suggestion.Should().Be(
            "Restore from a backup with RestoreFromBackup (or 'arf-data restore'). Available backups, newest first: "
            + "manual_20250102_090000.zip, auto_backup_20250101_100000_2.zip, auto_backup_20250101_100000.zip.");
        error.InnerException.Should().NotBeNull();
        context.Snapshot().Should().Equal(before);
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 4);
    }

    [Fact]
    public async Task LoadUserProfileAsync_Corrupt_ThrowsProfileCorruptedWithoutBackups()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("data/user_profile.json", "[1, 2");

        var error = (await FluentActions.Awaiting(() => context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<ProfileCorruptedException>()).Which;

        error.Message.Should().StartWith("Failed to parse user_profile.json: ");
        error.AvailableBackups.Should().BeEmpty();
        error.Suggestion.Should().Contain("none was found").And.Contain("InitializeDataDirectory()");
    }

    [Fact]
    public void LoadUserProfile_MoreThanFiveBackups_SuggestionShowsFiveAndCountsTheRest()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        for (var i = 1; i <= 7; i++)
        {
            context.WriteFile($"backups/auto_backup_2025010{i}_000000.zip", "zip");
        }

        context.WriteFile("data/user_profile.json", "{");

        var error = FluentActions.Invoking(() => context.Manager.LoadUserProfile()).Should().ThrowExactly<ProfileCorruptedException>().Which;

        error.AvailableBackups.Should().HaveCount(7);
        error.Suggestion.Should().EndWith("auto_backup_20250103_000000.zip and 2 more.");
    }

    [Fact]
    public void LoadUserProfile_LargerThanAProfileMayBe_ThrowsProfileCorruptedWithoutReadingIt()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("data/user_profile.json", new byte[UserDataManager.MaxProfileBytes + 1]);

        var act = () => context.Manager.LoadUserProfile();

        act.Should().ThrowExactly<ProfileCorruptedException>()
            .WithMessage("Failed to parse user_profile.json: the file is 33554433 bytes, more than the 33554432 bytes a profile may have.");
    }

    [Fact]
    public async Task LoadUserProfile_Invalid_ThrowsProfileValidationWithEveryErrorAndChangesNothing()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("data/user_profile.json", UserProfileSerializer.Serialize(ManagerTestContext.InvalidProfile()));
        var before = context.Snapshot();

        var error = FluentActions.Invoking(() => context.Manager.LoadUserProfile()).Should().ThrowExactly<ProfileValidationException>().Which;

        error.Errors.Select(e => e.Path).Should().Equal(
            "personal_info.email", "work_experience[0].start_date", "work_experience[0].responsibilities");
        error.Message.Should().StartWith("The profile is invalid (3 errors): personal_info.email: ");
        error.Suggestion.Should().Contain("nothing was written");
        await FluentActions.Awaiting(() => context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<ProfileValidationException>();
        context.Snapshot().Should().Equal(before);
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 5);
    }

    [Fact]
    public async Task LoadUserProfile_Valid_KeepsLastUpdatedAndTheFile()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        var json = "{\"version\":\"1.0\",\"personal_info\":null,\"skills\":[\"Go\"],\"future_field\":{\"a\":1},\"last_updated\":\"2020-01-02T03:04:05\"}";
        context.WriteFile("data/user_profile.json", json);
        var before = context.Snapshot();
        context.Time.Advance(TimeSpan.FromDays(1));

        var profile = context.Manager.LoadUserProfile();
        var viaAsync = await context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken);

        profile.LastUpdated.Should().Be(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        profile.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
        profile.Skills.Should().Equal("Go");
        viaAsync.LastUpdated.Should().Be(profile.LastUpdated);
        viaAsync.Skills.Should().Equal("Go");
        context.Snapshot().Should().Equal(before);
        context.FileSystem.File.ReadAllText(context.ProfilePath, Encoding.UTF8).Should().Be(json);
    }

    [Fact]
    public void LoadUserProfile_Valid_LogsEventTwoWithSize()
    {
        var context = new ManagerTestContext();
        context.Initialized();

        context.Manager.LoadUserProfile();

        var record = context.Logger.Collector.GetSnapshot().Single(r => r.Id.Id == 2);
        record.StructuredState!.Should().Contain(new KeyValuePair<string, string?>("Bytes", context.ProfileBytes().Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        record.StructuredState!.Should().Contain(s => s.Key == "ElapsedMs");
    }

    [Fact]
    public void LoadUserProfile_ReadDenied_ThrowsDataAccessDenied()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Open && path == context.ProfilePath ? new UnauthorizedAccessException("denied") : null;

        var act = () => context.Manager.LoadUserProfile();

        act.Should().ThrowExactly<DataAccessDeniedException>()
            .WithMessage("Access denied to '/data/arf/data/user_profile.json'.")
            .Which.Path.Should().Be(context.ProfilePath);
    }

    [Fact]
    public async Task LoadUserProfileAsync_ReadFails_ThrowsUserDataExceptionNamingTheFile()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Open && path == context.ProfilePath ? new IOException("device error") : null;

        var error = (await FluentActions.Awaiting(() => context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<UserDataException>()).Which;

        error.Message.Should().Be("I/O error while reading '/data/arf/data/user_profile.json': device error");
        error.InnerException.Should().BeOfType<IOException>();
    }

    [Fact]
    public void LoadUserProfile_LockFileDenied_ThrowsDataAccessDeniedNamingTheLockFile()
    {
        var context = new ManagerTestContext();
        context.Initialized();
        context.FileSystem.Fault = (op, path) => op == FaultOperation.Open && path == context.Manager.LockFilePath ? new UnauthorizedAccessException("denied") : null;

        var act = () => context.Manager.LoadUserProfile();

        act.Should().ThrowExactly<DataAccessDeniedException>().Which.Path.Should().Be(context.Manager.LockFilePath);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LoadUserProfile_LaterLoads_UnknownPropertiesOfAnEarlierProfileStayIntact(bool async)
    {
        // Nothing a loaded profile keeps, the JSON of unknown properties included, may point into a buffer a later load reuses.
        var context = new ManagerTestContext();
        context.Initialized();
        context.WriteFile("data/user_profile.json", WithUnknown("kept", new string('a', 3000)));
        var first = async ? await context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken) : context.Manager.LoadUserProfile();
        var expected = UserProfileSerializer.Serialize(first);

        context.WriteFile("data/user_profile.json", WithUnknown("other", new string('z', 3000)));
        for (var i = 0; i < 20; i++)
        {
            _ = async ? await context.Manager.LoadUserProfileAsync(TestContext.Current.CancellationToken) : context.Manager.LoadUserProfile();
        }

        UserProfileSerializer.Serialize(first).Should().Equal(expected);
        first.AdditionalProperties!["kept"].GetProperty("text").GetString().Should().Be(new string('a', 3000));
    }

    private static string WithUnknown(string name, string text)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(UserProfileSerializer.Serialize(ManagerTestContext.ValidProfile()))!.AsObject();
        node[name] = new System.Text.Json.Nodes.JsonObject { ["text"] = text, ["items"] = new System.Text.Json.Nodes.JsonArray(1, 2, 3) };
        return node.ToJsonString();
    }
}
