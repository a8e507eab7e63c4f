using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

public class TimestampAndEscapingTests
{
    [Theory]
    [InlineData("11/29/2025")]
    [InlineData("Nov 29 2025")]
    [InlineData("10:00")]
    [InlineData("2025-11-29")]
    [InlineData("2025-11-29 10:00:00")]
    [InlineData("2025-11-29T10:00:00.12345678")]
    public void Deserialize_NonIsoTimestamp_IsCorrupted(string value)
    {
        var act = () => Profiles.Parse($$"""{"version":"1.0","last_updated":"{{value}}"}""");

        act.Should().Throw<ProfileCorruptedException>()
            .Which.Message.Should().StartWith("Failed to parse user_profile.json: ").And.Contain("$.last_updated");
    }

    [Theory]
    [InlineData("2025-11-29T10:00:00", 0)]
    [InlineData("2025-11-29T10:00:00.5", 5_000_000)]
    [InlineData("2025-11-29T10:00:00.000000", 0)]
    [InlineData("2025-11-29T10:00:00.1234567Z", 1_234_567)]
    public void Deserialize_IsoTimestampWithAnyFractionDigits_ReadsAsUtc(string value, long fractionTicks)
    {
        var profile = Profiles.Parse($$"""{"version":"1.0","last_updated":"{{value}}"}""");

        profile.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
        profile.LastUpdated.Should().Be(new DateTime(2025, 11, 29, 10, 0, 0, DateTimeKind.Utc).AddTicks(fractionTicks));
    }

    [Fact]
    public void Serialize_NonAsciiPlusAndQuotes_AreWrittenReadably()
    {
        var profile = Profiles.Valid();
        profile.PersonalInfo!.FirstName = "Zoë";
        profile.PersonalInfo.Phone = "+14155550123";
        profile.Summary = "It's \"quoted\" — naïve\u0001";

        var json = Profiles.ToJson(profile);

        json.Should().Contain("\"first_name\": \"Zoë\"")
            .And.Contain("\"phone\": \"+14155550123\"")
            .And.Contain("It's \\\"quoted\\\" — naïve\\u0001");
        Profiles.Parse(json).Summary.Should().Be(profile.Summary);
    }
}
