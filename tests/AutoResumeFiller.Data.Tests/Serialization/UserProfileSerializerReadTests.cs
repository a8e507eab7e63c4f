using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

public class UserProfileSerializerReadTests
{
    [Theory]
    [InlineData("2025-11-29T10:00:00Z", 10, 0, 0)]
    [InlineData("2025-11-29T10:00:00.000Z", 10, 0, 0)]
    [InlineData("2025-11-29T10:00:00+02:00", 8, 0, 0)]
    [InlineData("2025-11-29T10:00:00-05:30", 15, 30, 0)]
    [InlineData("2025-11-29T10:00:00+00:00", 10, 0, 0)]
    [InlineData("2025-11-29T10:00:00.000000", 10, 0, 0)]
    [InlineData("2025-11-29T10:00:00", 10, 0, 0)]
    [InlineData("2025-11-29T10:00:00.500000", 10, 0, 500)]
    public void Deserialize_LastUpdated_ReadsAsUtc(string text, int hour, int minute, int millisecond)
    {
        var profile = Profiles.Parse($$"""{"last_updated": "{{text}}"}""");

        profile.LastUpdated.Should().Be(new DateTime(2025, 11, 29, hour, minute, 0, millisecond, DateTimeKind.Utc));
        profile.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void Deserialize_OffsetAcrossMidnight_ConvertsDate()
    {
        var profile = Profiles.Parse("""{"last_updated": "2025-01-01T01:00:00+02:00"}""");

        profile.LastUpdated.Should().Be(new DateTime(2024, 12, 31, 23, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Deserialize_PythonTimestamp_IsWrittenBackWithZ()
    {
        var profile = Profiles.Parse("""{"last_updated": "2025-11-29T10:00:00.000000"}""");

        Profiles.ToJson(profile).Should().Contain("\"last_updated\": \"2025-11-29T10:00:00Z\"");
    }

    [Fact]
    public void Deserialize_InitialProfileOfDesign_ReadsEmptyAndValid()
    {
        var profile = Profiles.Parse(
            """{"version":"1.0","personal_info":null,"education":[],"work_experience":[],"skills":[],"projects":[],"certifications":[],"last_updated":"2025-11-29T10:00:00Z"}""");

        profile.Version.Should().Be("1.0");
        profile.PersonalInfo.Should().BeNull();
        profile.Summary.Should().BeNull();
        profile.Education.Should().BeEmpty();
        profile.WorkExperience.Should().BeEmpty();
        profile.Skills.Should().BeEmpty();
        profile.Projects.Should().BeEmpty();
        profile.Certifications.Should().BeEmpty();
        profile.AdditionalProperties.Should().BeNullOrEmpty();
        UserProfileValidator.Validate(profile).Should().BeEmpty();
    }

    [Fact]
    public void Deserialize_TopLevelNullLists_ReadAsEmpty()
    {
        var profile = Profiles.Parse(
            """{"education":null,"work_experience":null,"skills":null,"projects":null,"certifications":null,"last_updated":"2025-11-29T10:00:00Z"}""");

        profile.Education.Should().NotBeNull().And.BeEmpty();
        profile.WorkExperience.Should().NotBeNull().And.BeEmpty();
        profile.Skills.Should().NotBeNull().And.BeEmpty();
        profile.Projects.Should().NotBeNull().And.BeEmpty();
        profile.Certifications.Should().NotBeNull().And.BeEmpty();
        Profiles.ToJson(profile).Should().Contain("\"skills\": []");
    }

    [Fact]
    public void Deserialize_NestedNullLists_ReadAsEmpty()
    {
        var profile = Profiles.Parse(
            """
            {
              "education": [{"institution": "I", "degree": "D", "field_of_study": "F", "start_date": "2020-01", "honors": null, "relevant_coursework": null}],
              "work_experience": [{"company": "C", "position": "P", "start_date": "2020-01", "responsibilities": ["R"], "achievements": null, "technologies": null}],
              "projects": [{"name": "N", "description": "D", "technologies": null, "highlights": null}]
            }
            """);

        profile.Education[0].Honors.Should().NotBeNull().And.BeEmpty();
        profile.Education[0].RelevantCoursework.Should().NotBeNull().And.BeEmpty();
        profile.WorkExperience[0].Achievements.Should().NotBeNull().And.BeEmpty();
        profile.WorkExperience[0].Technologies.Should().NotBeNull().And.BeEmpty();
        profile.Projects[0].Technologies.Should().NotBeNull().And.BeEmpty();
        profile.Projects[0].Highlights.Should().NotBeNull().And.BeEmpty();
        UserProfileValidator.Validate(profile).Should().BeEmpty();
    }

    [Fact]
    public void Deserialize_NullResponsibilities_ReadsEmptyAndFailsValidation()
    {
        var profile = Profiles.Parse(
            """{"work_experience": [{"company": "C", "position": "P", "start_date": "2020-01", "responsibilities": null}]}""");

        profile.WorkExperience[0].Responsibilities.Should().NotBeNull().And.BeEmpty();
        Profiles.ErrorPaths(profile).Should().Equal("work_experience[0].responsibilities");
    }

    [Fact]
    public void Deserialize_NullElementsInLists_AreKeptForTheValidator()
    {
        var profile = Profiles.Parse("""{"skills": ["C#", null], "education": [null], "certifications": [null]}""");

        profile.Skills.Should().Equal("C#", null);
        Profiles.ErrorPaths(profile).Should().Equal("education[0]", "skills[1]", "certifications[0]");
    }

    [Fact]
    public void Deserialize_NullRequiredStrings_AreReportedByTheValidator()
    {
        var profile = Profiles.Parse("""{"personal_info": {"first_name": null, "last_name": "B", "email": null}}""");

        Profiles.ErrorPaths(profile).Should().Equal("personal_info.first_name", "personal_info.email");
    }

    [Fact]
    public void Deserialize_MissingOptionalFields_UseModelDefaults()
    {
        var profile = Profiles.Parse("""{"personal_info": {"first_name": "A", "last_name": "B", "email": "a@b.co"}}""");

        profile.Version.Should().Be("1.0");
        profile.PersonalInfo!.Country.Should().Be("USA");
        profile.PersonalInfo.Phone.Should().BeNull();
        profile.LastUpdated.Should().Be(default);
    }

    [Fact]
    public void Deserialize_ExplicitNullCountry_StaysNull()
    {
        var profile = Profiles.Parse("""{"personal_info": {"first_name": "A", "last_name": "B", "email": "a@b.co", "country": null}}""");

        profile.PersonalInfo!.Country.Should().BeNull();
        UserProfileValidator.Validate(profile).Should().BeEmpty();
    }

    [Fact]
    public void Deserialize_GpaIntegerAndFloat_ReadAsDouble()
    {
        var profile = Profiles.Parse(
            """{"education": [{"gpa": 4}, {"gpa": 3.8}, {"gpa": null}]}""");

        profile.Education.Select(e => e.Gpa).Should().Equal(4.0, 3.8, null);
    }

    [Fact]
    public void Deserialize_EscapedAndUnicodeStrings_AreDecoded()
    {
        var profile = Profiles.Parse("""{"summary": "Caf\u00e9 \"quoted\" \\ 東京 🚀\nline"}""");

        profile.Summary.Should().Be("Café \"quoted\" \\ 東京 🚀\nline");
    }
}
