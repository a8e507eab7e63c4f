using System.Globalization;
using AutoResumeFiller.Data.Serialization;
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

    // The converter tries the one format a text's length allows first (a shortcut the reader fast path shares); the result
    // must be the one trying every ISO format in order gives.
    [Fact]
    public void TryParseTimestamp_ManyShapes_SameResultAsTryingEveryFormatInOrder()
    {
        var random = new Random(5);
        var texts = new List<string>(ProfileMutations.Timestamps.Where(t => t.StartsWith('"') && !t.Contains('\\', StringComparison.Ordinal)).Select(t => t[1..^1]));
        string[] suffixes = ["", "Z", "z", "+05:30", "-00:00", "+14:00", "+0530", "Z ", ".", "Zx", "+05:30Z"];
        for (var i = 0; i < 3000; i++)
        {
            var date = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            var text = date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            var digits = random.Next(10);
            text += digits == 0 ? "" : (random.Next(6) == 0 ? "," : ".") + random.NextInt64(10_000_000_000).ToString("D10", CultureInfo.InvariantCulture)[..Math.Min(digits - 1, 10)];
            text += suffixes[random.Next(suffixes.Length)];
            texts.Add(random.Next(20) == 0 ? text[..random.Next(text.Length)] : text);
        }

        foreach (var text in texts)
        {
            var expected = DateTimeOffset.TryParseExact(text, UtcDateTimeConverter.IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
            var want = expected ? parsed.UtcDateTime : default;

            var actual = UtcDateTimeConverter.TryParseTimestamp(text, out var got);

            (actual, got.Ticks, got.Kind).Should().Be((expected, want.Ticks, want.Kind), text);
        }

        texts.Count(t => UtcDateTimeConverter.TryParseTimestamp(t, out _)).Should().BeInRange(texts.Count / 5, texts.Count * 4 / 5);
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
