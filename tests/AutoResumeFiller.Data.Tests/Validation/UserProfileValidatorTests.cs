using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

public class UserProfileValidatorTests
{
    [Fact]
    public void Validate_CompleteValidProfile_HasNoErrors()
    {
        UserProfileValidator.Validate(Profiles.Valid()).Should().BeEmpty();
    }

    [Fact]
    public void Validate_NewEmptyProfile_HasNoErrors()
    {
        UserProfileValidator.Validate(new UserProfile()).Should().BeEmpty();
    }

    [Fact]
    public void Validate_NullProfile_ThrowsArgumentNull()
    {
        var act = () => UserProfileValidator.Validate(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("profile");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(2000)]
    public void Validate_SummaryUpTo2000_HasNoErrors(int? length)
    {
        var profile = Profiles.Valid();
        profile.Summary = length is { } n ? new string('s', n) : null;

        Profiles.ErrorPaths(profile).Should().BeEmpty();
    }

    [Fact]
    public void Validate_Summary2001_ReportsSummaryPath()
    {
        var profile = Profiles.Valid();
        profile.Summary = new string('s', 2001);

        UserProfileValidator.Validate(profile).Should().Equal(
            new ValidationError("summary", "must be at most 2000 characters long (is 2001)."));
    }

    [Fact]
    public void Validate_NullSkill_ReportsElementPath()
    {
        var profile = Profiles.Valid();
        profile.Skills = ["C#", null!, "SQL"];

        UserProfileValidator.Validate(profile).Should().Equal(new ValidationError("skills[1]", "must be a string, not null."));
    }

    [Fact]
    public void Validate_NullObjectsInLists_ReportsEachElementPath()
    {
        var profile = new UserProfile
        {
            Education = [null!],
            WorkExperience = [Profiles.ValidWork(), null!],
            Projects = [null!],
            Certifications = [null!, Profiles.ValidCertification()],
        };

        UserProfileValidator.Validate(profile).Should().Equal(
            new ValidationError("education[0]", "must be an object, not null."),
            new ValidationError("work_experience[1]", "must be an object, not null."),
            new ValidationError("projects[0]", "must be an object, not null."),
            new ValidationError("certifications[0]", "must be an object, not null."));
    }

    [Fact]
    public void Validate_ViolationsInEverySection_ReportsAllInDocumentOrder()
    {
        var profile = Profiles.Valid();
        profile.PersonalInfo!.Email = "ada(at)example.com";
        profile.PersonalInfo.Phone = "555";
        profile.Summary = new string('s', 2001);
        profile.Education[0].Gpa = 4.01;
        profile.Education.Add(Profiles.ValidEducation());
        profile.Education[1].EndDate = "2020-13";
        profile.WorkExperience.Add(Profiles.ValidWork());
        profile.WorkExperience[1].Responsibilities = [];
        profile.WorkExperience[1].Company = "";
        profile.Skills.Add(null!);
        profile.Projects[0].Url = "ftp://example.com";
        profile.Certifications[0].DateObtained = "May 2021";

        Profiles.ErrorPaths(profile).Should().Equal(
            "personal_info.email",
            "personal_info.phone",
            "summary",
            "education[0].gpa",
            "education[1].end_date",
            "work_experience[1].company",
            "work_experience[1].responsibilities",
            "skills[2]",
            "projects[0].url",
            "certifications[0].date_obtained");
    }

    [Fact]
    public void Validate_EveryRequiredFieldEmpty_ReportsEveryOne()
    {
        var profile = new UserProfile
        {
            PersonalInfo = new PersonalInfo(),
            Education = [new Education()],
            WorkExperience = [new WorkExperience()],
            Projects = [new Project()],
            Certifications = [new Certification()],
        };

        Profiles.ErrorPaths(profile).Should().Equal(
            "personal_info.first_name",
            "personal_info.last_name",
            "personal_info.email",
            "education[0].institution",
            "education[0].degree",
            "education[0].field_of_study",
            "education[0].start_date",
            "work_experience[0].company",
            "work_experience[0].position",
            "work_experience[0].start_date",
            "work_experience[0].responsibilities",
            "projects[0].name",
            "projects[0].description",
            "certifications[0].name",
            "certifications[0].issuer",
            "certifications[0].date_obtained");
    }

    [Fact]
    public void Validate_NonAsciiDigitsInMonth_ReportsErrorInsteadOfThrowing()
    {
        var profile = Profiles.Parse("""{"education": [{"institution": "I", "degree": "D", "field_of_study": "F", "start_date": "2020-\uFF10\uFF11"}]}""");

        UserProfileValidator.Validate(profile).Should().Equal(
            new ValidationError("education[0].start_date", "'2020-０１' must be a month in the form YYYY-MM."));
    }

    [Fact]
    public void Validate_TrailingNewlineAfterMonthOrPhone_IsInvalid()
    {
        var profile = Profiles.Valid();
        profile.PersonalInfo!.Phone = "+14155550123\n";
        profile.WorkExperience[0].EndDate = "2020-01\n";

        Profiles.ErrorPaths(profile).Should().Equal("personal_info.phone", "work_experience[0].end_date");
    }

    [Fact]
    public void Validate_EmptyOptionalMonths_AreInvalidLikeEveryOtherNonMonth()
    {
        var profile = Profiles.Valid();
        profile.Projects[0].StartDate = "";
        profile.Certifications[0].ExpirationDate = "";

        UserProfileValidator.Validate(profile).Should().Equal(
            new ValidationError("projects[0].start_date", "'' must be a month in the form YYYY-MM."),
            new ValidationError("certifications[0].expiration_date", "'' must be a month in the form YYYY-MM."));
    }

    [Fact]
    public void Validate_DoesNotChangeProfile()
    {
        var profile = Profiles.Valid();
        profile.Education[0].Gpa = 9;
        var before = Profiles.ToJson(profile);

        UserProfileValidator.Validate(profile);

        Profiles.ToJson(profile).Should().Be(before);
    }
}
