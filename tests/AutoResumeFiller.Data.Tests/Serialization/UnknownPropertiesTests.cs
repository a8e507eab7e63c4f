using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

public class UnknownPropertiesTests
{
    private const string NewerAppFile =
        """
        {
          "version": "1.1",
          "personal_info": {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "email": "ada@example.com",
            "phone": null,
            "linkedin_url": null,
            "github_url": "https://github.com/ada",
            "portfolio_url": null,
            "address": null,
            "city": "London",
            "state": null,
            "zip_code": null,
            "country": "UK",
            "pronouns": "she/her",
            "social": {"mastodon": "@ada@example.social", "handles": ["a", "b"]}
          },
          "summary": null,
          "education": [
            {
              "institution": "University of London",
              "degree": "BSc",
              "field_of_study": "Mathematics",
              "start_date": "2015-09",
              "end_date": "Present",
              "gpa": 3.8,
              "honors": [],
              "relevant_coursework": [],
              "minor": "Physics",
              "thesis": {"title": "Engines", "pages": 120, "grade": 1.5, "public": true, "advisor": null}
            }
          ],
          "work_experience": [
            {
              "company": "Engines Ltd",
              "position": "Engineer",
              "start_date": "2019-07",
              "end_date": null,
              "location": null,
              "responsibilities": ["Programs"],
              "achievements": [],
              "technologies": [],
              "remote": true,
              "salary": 123456789012345678901234567890
            }
          ],
          "skills": ["Mathematics"],
          "projects": [
            {
              "name": "Notes",
              "description": "Note G",
              "start_date": null,
              "end_date": null,
              "url": null,
              "technologies": [],
              "highlights": [],
              "stars": 42
            }
          ],
          "certifications": [
            {
              "name": "Cert",
              "issuer": "Society",
              "date_obtained": "2021-05",
              "expiration_date": null,
              "credential_id": null,
              "url": null,
              "level": "gold"
            }
          ],
          "last_updated": "2025-11-29T10:00:00Z",
          "preferences": {"theme": "dark", "auto_fill": {"enabled": true, "threshold": 0.75}},
          "tags": [1, "two", null, [3.0e2], {"four": 4}],
          "unicode_key_é": "東京 \u00e9 \ud83d\ude80",
          "big_number": 1.0000000000000000000001e+400
        }
        """;

    [Fact]
    public void Deserialize_ThenSerialize_PreservesEveryUnknownValue()
    {
        var profile = Profiles.Parse(NewerAppFile);

        var written = UserProfileSerializer.Serialize(profile);

        JsonNode.DeepEquals(WithoutLastUpdated(Parse(written)), WithoutLastUpdated(Parse(Encoding.UTF8.GetBytes(NewerAppFile)))).Should().BeTrue(
            "load → save must keep every value of a newer app's file; written:\n" + Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Deserialize_UnknownProperties_LandInAdditionalPropertiesAtEveryLevel()
    {
        var profile = Profiles.Parse(NewerAppFile);

        profile.AdditionalProperties!.Keys.Should().BeEquivalentTo("preferences", "tags", "unicode_key_é", "big_number");
        profile.PersonalInfo!.AdditionalProperties!.Keys.Should().BeEquivalentTo("pronouns", "social");
        profile.Education[0].AdditionalProperties!.Keys.Should().BeEquivalentTo("minor", "thesis");
        profile.WorkExperience[0].AdditionalProperties!.Keys.Should().BeEquivalentTo("remote", "salary");
        profile.Projects[0].AdditionalProperties!.Keys.Should().BeEquivalentTo("stars");
        profile.Certifications[0].AdditionalProperties!.Keys.Should().BeEquivalentTo("level");
        profile.AdditionalProperties["preferences"].GetProperty("auto_fill").GetProperty("threshold").GetDouble().Should().Be(0.75);
        UserProfileValidator.Validate(profile).Should().BeEmpty();
    }

    [Fact]
    public void Serialize_AfterEditingKnownFields_StillWritesUnknownValues()
    {
        var profile = Profiles.Parse(NewerAppFile);
        profile.Skills.Add("Programming");
        profile.PersonalInfo!.City = "Paris";
        profile.LastUpdated = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var written = Parse(UserProfileSerializer.Serialize(profile));

        var expected = Parse(Encoding.UTF8.GetBytes(NewerAppFile));
        expected["skills"]!.AsArray().Add("Programming");
        expected["personal_info"]!["city"] = "Paris";
        expected["last_updated"] = "2026-01-01T00:00:00Z";
        JsonNode.DeepEquals(written, expected).Should().BeTrue();
    }

    [Fact]
    public void Deserialize_ThenSerializeTwice_IsStable()
    {
        var once = UserProfileSerializer.Serialize(Profiles.Parse(NewerAppFile));

        var twice = UserProfileSerializer.Serialize(UserProfileSerializer.Deserialize(once));

        twice.Should().Equal(once);
    }

    [Fact]
    public void Deserialize_PropertyNamesDifferingInCase_AreUnknownAndKept()
    {
        var profile = Profiles.Parse("""{"Skills": ["x"], "skills": ["y"], "last_updated": "2025-11-29T10:00:00Z"}""");

        profile.Skills.Should().Equal("y");
        profile.AdditionalProperties!["Skills"].ValueKind.Should().Be(JsonValueKind.Array);
        Profiles.ToJson(profile).Should().Contain("\"Skills\": [");
    }

    private static JsonNode Parse(byte[] utf8) => JsonNode.Parse(utf8)!;

    private static JsonNode WithoutLastUpdated(JsonNode node)
    {
        node.AsObject().Remove("last_updated").Should().BeTrue();
        return node;
    }
}
