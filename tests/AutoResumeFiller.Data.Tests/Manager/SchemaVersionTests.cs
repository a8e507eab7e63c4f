using System.Text;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Manager;

/// <summary>DESIGN §4's version policy: any 1.x loads and keeps its version; a newer major is refused; a malformed one is invalid.</summary>
public class SchemaVersionTests
{
    private const string NewerMessage = "user_profile.json was written by a newer version of AutoResumeFiller (schema 2.0); this one reads 1.x";

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.7")]
    [InlineData("1.12")]
    public void LoadThenSave_AnyMinorOfMajorOne_KeepsItsVersionAndUnknownFields(string version)
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", Json(version, "\"future_field\":{\"a\":[1,2]},"));

        var profile = manager.LoadUserProfile();
        manager.SaveUserProfile(profile);

        profile.Version.Should().Be(version);
        var saved = Encoding.UTF8.GetString(context.ProfileBytes());
        saved.Should().Contain($"\"version\": \"{version}\"").And.Contain("\"future_field\"");
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("3.1")]
    [InlineData("10.0")]
    public void LoadUserProfile_NewerMajorVersion_ThrowsUnsupportedAndChangesNothing(string version)
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", Json(version, ""));
        var before = context.Snapshot();

        var error = FluentActions.Invoking(() => manager.LoadUserProfile()).Should().ThrowExactly<UnsupportedProfileVersionException>().Which;

        error.Message.Should().Be($"user_profile.json was written by a newer version of AutoResumeFiller (schema {version}); this one reads 1.x");
        error.ProfileVersion.Should().Be(version);
        error.Suggestion.Should().Contain("Update AutoResumeFiller");
        error.Should().BeAssignableTo<UserDataException>();
        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task LoadUserProfileAsync_Version2_ThrowsUnsupportedWithTheExactMessage()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", Json("2.0", ""));

        await FluentActions.Awaiting(() => manager.LoadUserProfileAsync(TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<UnsupportedProfileVersionException>().WithMessage(NewerMessage);
    }

    [Fact]
    public void LoadUserProfile_Version2WithAShapeThisVersionCannotParse_ThrowsUnsupportedNotCorrupted()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", "{\"skills\":[{\"name\":\"C#\",\"level\":5}],\"version\":\"2.0\",\"last_updated\":\"2025-01-01T00:00:00Z\"}");

        FluentActions.Invoking(() => manager.LoadUserProfile()).Should().ThrowExactly<UnsupportedProfileVersionException>().WithMessage(NewerMessage);
    }

    [Fact]
    public void LoadUserProfile_CorruptFileWithAVersionThatIsNotUtf8_ThrowsProfileCorrupted()
    {
        // Found by HostileInputSuite: peeking at the version of an unparsable file must not fail on invalid UTF-8.
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", [.. Encoding.ASCII.GetBytes("{\"version\":\""), 0xFF, 0xFE, .. Encoding.ASCII.GetBytes("\",\"skills\":5}")]);

        FluentActions.Invoking(() => manager.LoadUserProfile()).Should().ThrowExactly<ProfileCorruptedException>();
    }

    [Fact]
    public void UpdateUserProfile_StoredVersion2_ThrowsUnsupportedNeverCallsTheUpdateAndChangesNothing()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", Json("2.0", ""));
        var before = context.Snapshot();
        var called = false;

        FluentActions.Invoking(() => manager.UpdateUserProfile(p => { called = true; return p; }))
            .Should().ThrowExactly<UnsupportedProfileVersionException>().WithMessage(NewerMessage);

        called.Should().BeFalse();
        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void UpdateUserProfile_UpdateSetsVersion2_ThrowsUnsupportedAndChangesNothing()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var before = context.Snapshot();

        FluentActions.Invoking(() => manager.UpdateUserProfile(p => { p.Version = "2.0"; return p; }))
            .Should().ThrowExactly<UnsupportedProfileVersionException>();

        context.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task SaveUserProfile_ProfileOfVersion2_IsRefusedAndNothingIsWritten()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        var before = context.Snapshot();
        var profile = ManagerTestContext.ValidProfile();
        profile.Version = "2.0";

        FluentActions.Invoking(() => manager.SaveUserProfile(profile)).Should().ThrowExactly<UnsupportedProfileVersionException>();
        await FluentActions.Awaiting(() => manager.SaveUserProfileAsync(profile, TestContext.Current.CancellationToken))
            .Should().ThrowExactlyAsync<UnsupportedProfileVersionException>();

        context.Snapshot().Should().Equal(before, "neither the profile nor a backup may be written");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1")]
    [InlineData("1.x")]
    [InlineData("")]
    [InlineData("1.0.0")]
    [InlineData(" 1.0")]
    [InlineData("-1.0")]
    [InlineData("١.٠")]
    public void Validate_MalformedVersion_IsAValidationErrorAtVersion(string version)
    {
        var profile = Profiles.Valid();
        profile.Version = version;

        UserProfileValidator.Validate(profile).Should().ContainSingle().Which.Path.Should().Be("version");
    }

    [Fact]
    public void LoadUserProfile_MalformedVersion_ThrowsValidationWithPathVersion()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("data/user_profile.json", Json("1.x", ""));

        FluentActions.Invoking(() => manager.LoadUserProfile()).Should().ThrowExactly<ProfileValidationException>()
            .Which.Errors.Select(e => e.Path).Should().Equal("version");
    }

    [Fact]
    public void VerifyBackup_ProfileOfVersion2Inside_ReportsItAsAProblem()
    {
        var context = new ManagerTestContext();
        var manager = context.Initialized();
        context.WriteFile("backups/future_20250101_000000.zip", new ManagerArchiveBuilder().Add("data/user_profile.json", Json("2.0", "")).Build());

        manager.VerifyBackup("future_20250101_000000.zip").Problems.Should().ContainSingle()
            .Which.Should().Be("the profile in the backup is not readable here: " + NewerMessage);
    }

    private static string Json(string version, string extra) =>
        $"{{\"version\":\"{version}\",{extra}\"personal_info\":null,\"education\":[],\"work_experience\":[],\"skills\":[],\"projects\":[],\"certifications\":[],\"last_updated\":\"2025-01-01T00:00:00Z\"}}";
}
