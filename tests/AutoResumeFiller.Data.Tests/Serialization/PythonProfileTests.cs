using System.Text;
using System.Text.Json.Nodes;
using AutoResumeFiller.Data.Tests.Serialization.Fixtures;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

public class PythonProfileTests
{
    [Fact]
    public void Deserialize_PythonFile_LoadsAndValidates()
    {
        var profile = Profiles.Parse(PythonProfileFixture.Json);

        UserProfileValidator.Validate(profile).Should().BeEmpty();
        profile.LastUpdated.Should().Be(new DateTime(2025, 11, 29, 10, 0, 0, DateTimeKind.Utc));
        profile.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
        profile.PersonalInfo!.FirstName.Should().Be("José");
        profile.PersonalInfo.GithubUrl.Should().Be("https://github.com/josegarcia");
        profile.Education.Should().HaveCount(2);
        profile.Education[0].EndDate.Should().Be("Present");
        profile.Education[0].Gpa.Should().Be(3.8);
        profile.Education[0].Honors.Should().Equal("Graduate Fellowship", "Dean's List");
        profile.Education[1].Honors.Should().Equal("Magna Cum Laude", "Tau Beta Pi");
        profile.WorkExperience.Should().HaveCount(3);
        profile.WorkExperience[0].EndDate.Should().Be("Present");
        profile.WorkExperience[1].Location.Should().BeNull();
        profile.Skills.Should().HaveCount(5);
        profile.Projects.Should().HaveCount(2);
        profile.Certifications.Should().HaveCount(2);
        profile.Certifications[0].Name.Should().Be("AWS Certified Solutions Architect – Associate");
        profile.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public void Deserialize_PythonFileWithWindowsLineEnds_Loads()
    {
        var profile = Profiles.Parse(PythonProfileFixture.Json.ReplaceLineEndings("\r\n"));

        UserProfileValidator.Validate(profile).Should().BeEmpty();
        profile.WorkExperience.Should().HaveCount(3);
    }

    [Fact]
    public void Serialize_PythonFile_KeepsEveryValueAndUrlsVerbatim()
    {
        var profile = Profiles.Parse(PythonProfileFixture.Json);

        var written = Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile));

        var expected = JsonNode.Parse(PythonProfileFixture.Json)!.AsObject();
        var actual = JsonNode.Parse(written)!.AsObject();
        expected.Remove("last_updated");
        actual.Remove("last_updated").Should().BeTrue();
        JsonNode.DeepEquals(actual, expected).Should().BeTrue();
        written.Should().Contain("\"github_url\": \"https://github.com/josegarcia\",");
        written.Should().Contain("\"last_updated\": \"2025-11-29T10:00:00Z\"");
        written.Should().NotContain("\r");
    }
}
