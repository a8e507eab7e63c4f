using System.Text.Json;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

public class ShadowedPropertyTests
{
    [Fact]
    public void Validate_AdditionalPropertyNamedLikeAKnownOne_IsAnErrorAtThatPath()
    {
        var profile = Profiles.Valid();
        profile.AdditionalProperties = new() { ["skills"] = JsonDocument.Parse("[]").RootElement.Clone() };
        profile.WorkExperience[0].AdditionalProperties = new() { ["company"] = JsonDocument.Parse("\"X\"").RootElement.Clone() };

        Profiles.ErrorPaths(profile).Should().Equal("skills", "work_experience[0].company");
    }

    [Fact]
    public void Validate_AdditionalPropertyWithANewName_IsAccepted()
    {
        var profile = Profiles.Valid();
        profile.PersonalInfo!.AdditionalProperties = new() { ["pronouns"] = JsonDocument.Parse("\"she/her\"").RootElement.Clone() };

        UserProfileValidator.Validate(profile).Should().BeEmpty();
    }
}
