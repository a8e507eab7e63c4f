using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

public class UserProfileSerializerWriteTests
{
    private static readonly DateTime Noon = new(2025, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Serialize_NewProfile_WritesInitialShapeExactly()
    {
        var profile = new UserProfile { LastUpdated = Noon };

        Profiles.ToJson(profile).Should().Be(
            """
            {
              "version": "1.0",
              "personal_info": null,
              "summary": null,
              "education": [],
              "work_experience": [],
              "skills": [],
              "projects": [],
              "certifications": [],
              "last_updated": "2025-11-29T10:00:00Z"
            }

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Serialize_FullProfile_UsesSnakeCaseKeysEverywhere()
    {
        var json = Profiles.ToJson(Profiles.Valid());
        using var doc = JsonDocument.Parse(json);

        var keys = new List<string>();
        CollectKeys(doc.RootElement, keys);

        keys.Should().OnlyContain(k => !k.Any(char.IsUpper) && !k.Contains('-'));
        keys.Should().Contain(
        [
            "version", "personal_info", "summary", "education", "work_experience", "skills", "projects", "certifications", "last_updated",
            "first_name", "last_name", "email", "phone", "linkedin_url", "github_url", "portfolio_url", "address", "city", "state", "zip_code", "country",
            "institution", "degree", "field_of_study", "start_date", "end_date", "gpa", "honors", "relevant_coursework",
            "company", "position", "location", "responsibilities", "achievements", "technologies",
            "name", "description", "url", "highlights", "issuer", "date_obtained", "expiration_date", "credential_id",
        ]);
        keys.Should().NotContain("additional_properties");
    }

    [Fact]
    public void Serialize_FullProfile_IndentsTwoSpacesPerLevel()
    {
        var lines = Profiles.ToJson(Profiles.Valid()).Split('\n');

        lines.Should().Contain("  \"personal_info\": {");
        lines.Should().Contain("    \"first_name\": \"Ada\",");
        lines.Should().Contain("  \"education\": [");
        lines.Should().Contain("    {");
        lines.Should().Contain("      \"degree\": \"BSc\",");
        lines.Should().Contain("      \"honors\": [");
        lines.Should().Contain("        \"First Class\"");
        lines.Should().OnlyContain(l => !l.StartsWith('\t'));
        lines.Where(l => l.Length > 0).Should().OnlyContain(l => (l.Length - l.TrimStart(' ').Length) % 2 == 0);
    }

    [Fact]
    public void Serialize_FullProfile_UsesOnlyLineFeedsAndEndsWithOne()
    {
        var bytes = UserProfileSerializer.Serialize(Profiles.Valid());

        bytes.Should().NotContain((byte)'\r');
        bytes[^1].Should().Be((byte)'\n');
        bytes[^2].Should().Be((byte)'}');
    }

    [Fact]
    public void Serialize_FullProfile_IsUtf8WithoutBom()
    {
        var profile = Profiles.Valid();
        profile.PersonalInfo!.FirstName = "Zoë";
        profile.PersonalInfo.City = "東京";
        profile.Skills.Add("emoji 🚀");

        var bytes = UserProfileSerializer.Serialize(profile);

        bytes[0].Should().Be((byte)'{');
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var text = strict.GetString(bytes);
        var back = Profiles.Parse(text);
        back.PersonalInfo!.FirstName.Should().Be("Zoë");
        back.PersonalInfo.City.Should().Be("東京");
        back.Skills.Should().EndWith("emoji 🚀");
    }

    [Fact]
    public void Serialize_ToStream_WritesSameBytesAndLeavesStreamOpen()
    {
        var profile = Profiles.Valid();
        using var stream = new MemoryStream();

        UserProfileSerializer.Serialize(profile, stream);

        stream.CanWrite.Should().BeTrue();
        stream.ToArray().Should().Equal(UserProfileSerializer.Serialize(profile));
    }

    [Fact]
    public void Serialize_NullArguments_ThrowArgumentNull()
    {
        ((Action)(() => UserProfileSerializer.Serialize(null!))).Should().Throw<ArgumentNullException>().WithParameterName("profile");
        ((Action)(() => UserProfileSerializer.Serialize(null!, Stream.Null))).Should().Throw<ArgumentNullException>().WithParameterName("profile");
        ((Action)(() => UserProfileSerializer.Serialize(new UserProfile(), null!))).Should().Throw<ArgumentNullException>().WithParameterName("destination");
    }

    [Theory]
    [InlineData(DateTimeKind.Utc, "2025-11-29T10:00:00Z")]
    [InlineData(DateTimeKind.Unspecified, "2025-11-29T10:00:00Z")]
    public void Serialize_LastUpdated_WritesUtcWithZ(DateTimeKind kind, string expected)
    {
        var profile = new UserProfile { LastUpdated = DateTime.SpecifyKind(new DateTime(2025, 11, 29, 10, 0, 0), kind) };

        LastUpdatedText(profile).Should().Be(expected);
    }

    [Fact]
    public void Serialize_LocalLastUpdated_ConvertsToUtc()
    {
        var utc = new DateTime(2025, 6, 1, 12, 30, 0, DateTimeKind.Utc);
        var profile = new UserProfile { LastUpdated = utc.ToLocalTime() };

        LastUpdatedText(profile).Should().Be("2025-06-01T12:30:00Z");
    }

    [Fact]
    public void Serialize_FractionalSeconds_KeepsFullPrecision()
    {
        var profile = new UserProfile { LastUpdated = new DateTime(2025, 11, 29, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567) };

        LastUpdatedText(profile).Should().Be("2025-11-29T10:00:00.1234567Z");
        Profiles.Parse(Profiles.ToJson(profile)).LastUpdated.Should().Be(profile.LastUpdated);
    }

    [Fact]
    public void Serialize_ThenDeserialize_GivesEquivalentProfileAndSameBytes()
    {
        var profile = Profiles.Valid();
        var bytes = UserProfileSerializer.Serialize(profile);

        var back = UserProfileSerializer.Deserialize(bytes);

        back.Should().BeEquivalentTo(profile);
        back.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
        UserProfileSerializer.Serialize(back).Should().Equal(bytes);
    }

    private static string LastUpdatedText(UserProfile profile)
    {
        using var doc = JsonDocument.Parse(UserProfileSerializer.Serialize(profile));
        return doc.RootElement.GetProperty("last_updated").GetString()!;
    }

    private static void CollectKeys(JsonElement element, List<string> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    keys.Add(p.Name);
                    CollectKeys(p.Value, keys);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectKeys(item, keys);
                }

                break;
            default:
                break;
        }
    }
}
