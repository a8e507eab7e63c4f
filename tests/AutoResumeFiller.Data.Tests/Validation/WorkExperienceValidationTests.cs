using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

public class WorkExperienceValidationTests
{
    [Fact]
    public void Validate_ValidWork_HasNoErrors()
    {
        UserProfileValidator.Validate(Profiles.With(Profiles.ValidWork())).Should().BeEmpty();
    }

    [Fact]
    public void Validate_OnlyRequiredFields_HasNoErrors()
    {
        var w = new WorkExperience { Company = "C", Position = "P", StartDate = "2020-01", Responsibilities = ["R"] };

        UserProfileValidator.Validate(Profiles.With(w)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("company", 1)]
    [InlineData("company", 200)]
    [InlineData("position", 1)]
    [InlineData("position", 150)]
    [InlineData("location", 0)]
    [InlineData("location", 150)]
    public void Validate_TextWithinLimits_HasNoErrors(string field, int length)
    {
        var w = Profiles.ValidWork();
        Set(w, field, new string('x', length));

        Profiles.ErrorPaths(Profiles.With(w)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("company", 201, "must be 1–200 characters long (is 201).")]
    [InlineData("position", 151, "must be 1–150 characters long (is 151).")]
    [InlineData("location", 151, "must be at most 150 characters long (is 151).")]
    [InlineData("company", 0, "is required.")]
    [InlineData("position", 0, "is required.")]
    public void Validate_TextOutsideLimits_ReportsFieldPath(string field, int length, string message)
    {
        var w = Profiles.ValidWork();
        Set(w, field, new string('x', length));

        UserProfileValidator.Validate(Profiles.With(w)).Should().Equal(new ValidationError("work_experience[0]." + field, message));
    }

    [Fact]
    public void Validate_LocationNull_HasNoErrors()
    {
        var w = Profiles.ValidWork();
        w.Location = null;

        Profiles.ErrorPaths(Profiles.With(w)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.ValidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_MonthDates_HaveNoErrors(string month)
    {
        var w = Profiles.ValidWork();
        w.StartDate = month;
        w.EndDate = month;

        Profiles.ErrorPaths(Profiles.With(w)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_StartDateInvalid_ReportsStartDatePath(string value)
    {
        var w = Profiles.ValidWork();
        w.StartDate = value;

        Profiles.ErrorPaths(Profiles.With(w)).Should().Equal("work_experience[0].start_date");
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_EndDateInvalid_ReportsEndDatePath(string value)
    {
        var w = Profiles.ValidWork();
        w.EndDate = value;

        Profiles.ErrorPaths(Profiles.With(w)).Should().Equal("work_experience[0].end_date");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Present")]
    public void Validate_EndDateNullOrPresent_HasNoErrors(string? value)
    {
        var w = Profiles.ValidWork();
        w.EndDate = value;

        Profiles.ErrorPaths(Profiles.With(w)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_NoResponsibilities_ReportsResponsibilitiesPath()
    {
        var w = Profiles.ValidWork();
        w.Responsibilities = [];

        UserProfileValidator.Validate(Profiles.With(w)).Should().Equal(
            new ValidationError("work_experience[0].responsibilities", "must have at least 1 item."));
    }

    [Fact]
    public void Validate_NoResponsibilitiesInSecondJob_ReportsIndexOne()
    {
        var second = Profiles.ValidWork();
        second.Responsibilities = [];
        var profile = new UserProfile { WorkExperience = [Profiles.ValidWork(), second, Profiles.ValidWork()] };

        Profiles.ErrorPaths(profile).Should().Equal("work_experience[1].responsibilities");
    }

    [Fact]
    public void Validate_ResponsibilitiesSetToNull_ReadsAsEmptyAndIsReported()
    {
        var w = Profiles.ValidWork();
        w.Responsibilities = null!;

        Profiles.ErrorPaths(Profiles.With(w)).Should().Equal("work_experience[0].responsibilities");
    }

    [Fact]
    public void Validate_NullListElements_ReportsEachElementPath()
    {
        var w = Profiles.ValidWork();
        w.Responsibilities = [null!];
        w.Achievements = ["a", null!];
        w.Technologies = [null!, "t", null!];

        Profiles.ErrorPaths(Profiles.With(w)).Should().Equal(
            "work_experience[0].responsibilities[0]",
            "work_experience[0].achievements[1]",
            "work_experience[0].technologies[0]",
            "work_experience[0].technologies[2]");
    }

    private static void Set(WorkExperience w, string field, string value)
    {
        switch (field)
        {
            case "company": w.Company = value; break;
            case "position": w.Position = value; break;
            case "location": w.Location = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field");
        }
    }
}
