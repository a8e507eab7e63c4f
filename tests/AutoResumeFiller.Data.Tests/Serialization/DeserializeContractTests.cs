using System.Globalization;
using System.Text;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// What <see cref="UserProfileSerializer.Deserialize"/> promises beyond well-formed JSON: System.Text.Json's own error
/// messages (with line, position and path) for duplicates and mistyped values, and timestamps read as UTC or refused.
/// </summary>
public class DeserializeContractTests
{
    [Theory]
    [InlineData("""{"version": "1.0", "version": "2.0"}""", "Duplicate property 'version' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.version | LineNumber: 0 | BytePositionInLine: 35.")]
    [InlineData("""{"version": "1", "vers\u0069on": "2"}""", "Duplicate property 'version' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.version | LineNumber: 0 | BytePositionInLine: 36.")]
    [InlineData("""{"extra": 1, "extra": 2}""", "Duplicate property 'additional_properties' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.extra | LineNumber: 0 | BytePositionInLine: 23.")]
    [InlineData("""{"e\u0078tra": 1, "extra": 2}""", "Duplicate property 'additional_properties' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.extra | LineNumber: 0 | BytePositionInLine: 28.")]
    [InlineData("""{"extra": {"a": 1, "\u0061": 2}}""", "Duplicate property 'a' encountered during deserialization. Path: $.extra | LineNumber: 0 | BytePositionInLine: 31.")]
    [InlineData("""{"personal_info": {"email": "a@b.co", "email": "c@d.co"}}""", "Duplicate property 'email' encountered during deserialization of type 'AutoResumeFiller.Data.PersonalInfo'. Path: $.personal_info.email | LineNumber: 0 | BytePositionInLine: 55.")]
    [InlineData("""{"x\uD800": 1}""", "The JSON value could not be converted to AutoResumeFiller.Data.UserProfile. Path: $ | LineNumber: 0 | BytePositionInLine: 11.")]
    [InlineData("""{"last_updated": null}""", "Expected an ISO-8601 timestamp string. Path: $.last_updated | LineNumber: 0 | BytePositionInLine: 21.")]
    [InlineData("""{"education": [{"gpa": "3.8"}]}""", "The JSON value could not be converted to System.Nullable`1[System.Double]. Path: $.education[0].gpa | LineNumber: 0 | BytePositionInLine: 28.")]
    public void Deserialize_DuplicateOrMistypedValue_KeepsSerializerMessage(string json, string details)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var act = () => UserProfileSerializer.Deserialize(bytes);
        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().Be("Failed to parse user_profile.json: " + details);
    }

    [Theory]
    [InlineData("2025-11-29T10:00:00", "2025-11-29T10:00:00.0000000Z")]
    [InlineData("2025-11-29T10:00:00.123456", "2025-11-29T10:00:00.1234560Z")]
    [InlineData("2025-11-29T10:00:00+05:30", "2025-11-29T04:30:00.0000000Z")]
    [InlineData("0001-01-01T00:00:00+01:00", null)] // before year 1 in UTC: refused (DateTime.TryParseExact read it as 23:00)
    [InlineData("9999-12-31T23:00:00-05:00", null)] // after year 9999 in UTC
    [InlineData("0001-01-01T00:00:00-01:00", "0001-01-01T01:00:00.0000000Z")]
    [InlineData("2025-11-29T10:00:00Z ", null)]
    [InlineData("2025-11-29T10:00:00.12345678Z", null)]
    [InlineData("2025-02-30T00:00:00Z", null)]
    public void Deserialize_Timestamp_ReadsAsUtcOrRefuses(string timestamp, string? expectedUtc)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"last_updated": "{{timestamp}}"}""");

        var read = () => UserProfileSerializer.Deserialize(bytes);

        if (expectedUtc is null)
        {
            read.Should().Throw<ProfileCorruptedException>().Which.Message.Should().StartWith("Failed to parse user_profile.json: ").And.Contain("Path: $.last_updated");
            return;
        }

        var profile = read();
        profile.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
        profile.LastUpdated.ToString("O", CultureInfo.InvariantCulture).Should().Be(expectedUtc);
    }
}
