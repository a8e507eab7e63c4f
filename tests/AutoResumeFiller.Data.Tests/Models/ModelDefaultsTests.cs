namespace AutoResumeFiller.Data.Tests.Models;

public class ModelDefaultsTests
{
    [Fact]
    public void UserProfile_New_IsTheEmptyInitialProfile()
    {
        var profile = new UserProfile();

        profile.Version.Should().Be("1.0");
        profile.PersonalInfo.Should().BeNull();
        profile.Summary.Should().BeNull();
        profile.Education.Should().BeEmpty();
        profile.WorkExperience.Should().BeEmpty();
        profile.Skills.Should().BeEmpty();
        profile.Projects.Should().BeEmpty();
        profile.Certifications.Should().BeEmpty();
        profile.LastUpdated.Should().Be(default);
        profile.AdditionalProperties.Should().BeNull();
    }

    [Fact]
    public void UserProfile_ListsSetToNull_BecomeEmpty()
    {
        var profile = new UserProfile
        {
            Education = null!,
            WorkExperience = null!,
            Skills = null!,
            Projects = null!,
            Certifications = null!,
        };

        profile.Education.Should().NotBeNull().And.BeEmpty();
        profile.WorkExperience.Should().NotBeNull().And.BeEmpty();
        profile.Skills.Should().NotBeNull().And.BeEmpty();
        profile.Projects.Should().NotBeNull().And.BeEmpty();
        profile.Certifications.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void UserProfile_ListSetter_KeepsTheGivenInstance()
    {
        var skills = new List<string> { "C#" };

        var profile = new UserProfile { Skills = skills };
        profile.Skills.Add("SQL");

        profile.Skills.Should().BeSameAs(skills);
        skills.Should().Equal("C#", "SQL");
    }

    [Fact]
    public void PersonalInfo_New_DefaultsCountryToUsaAndRequiredToEmpty()
    {
        var info = new PersonalInfo();

        info.Country.Should().Be("USA");
        info.FirstName.Should().BeEmpty();
        info.LastName.Should().BeEmpty();
        info.Email.Should().BeEmpty();
        info.Phone.Should().BeNull();
        info.LinkedinUrl.Should().BeNull();
        info.AdditionalProperties.Should().BeNull();
    }

    [Fact]
    public void NestedModels_ListsSetToNull_BecomeEmpty()
    {
        var education = new Education { Honors = null!, RelevantCoursework = null! };
        var work = new WorkExperience { Responsibilities = null!, Achievements = null!, Technologies = null! };
        var project = new Project { Technologies = null!, Highlights = null! };

        education.Honors.Should().NotBeNull().And.BeEmpty();
        education.RelevantCoursework.Should().NotBeNull().And.BeEmpty();
        work.Responsibilities.Should().NotBeNull().And.BeEmpty();
        work.Achievements.Should().NotBeNull().And.BeEmpty();
        work.Technologies.Should().NotBeNull().And.BeEmpty();
        project.Technologies.Should().NotBeNull().And.BeEmpty();
        project.Highlights.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void NestedModels_New_HaveEmptyRequiredAndNullOptionalValues()
    {
        var education = new Education();
        var work = new WorkExperience();
        var project = new Project();
        var certification = new Certification();

        education.StartDate.Should().BeEmpty();
        education.EndDate.Should().BeNull();
        education.Gpa.Should().BeNull();
        work.StartDate.Should().BeEmpty();
        work.Location.Should().BeNull();
        project.StartDate.Should().BeNull();
        project.Url.Should().BeNull();
        certification.DateObtained.Should().BeEmpty();
        certification.ExpirationDate.Should().BeNull();
        certification.CredentialId.Should().BeNull();
    }
}
