using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

public class EducationValidationTests
{
    [Fact]
    public void Validate_ValidEducation_HasNoErrors()
    {
        UserProfileValidator.Validate(Profiles.With(Profiles.ValidEducation())).Should().BeEmpty();
    }

    [Fact]
    public void Validate_OnlyRequiredFields_HasNoErrors()
    {
        var e = new Education { Institution = "I", Degree = "D", FieldOfStudy = "F", StartDate = "2020-01" };

        UserProfileValidator.Validate(Profiles.With(e)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("institution", 1)]
    [InlineData("institution", 200)]
    [InlineData("degree", 1)]
    [InlineData("degree", 100)]
    [InlineData("field_of_study", 1)]
    [InlineData("field_of_study", 150)]
    public void Validate_TextWithinLimits_HasNoErrors(string field, int length)
    {
        var e = Profiles.ValidEducation();
        Set(e, field, new string('x', length));

        Profiles.ErrorPaths(Profiles.With(e)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("institution", 201, "must be 1–200 characters long (is 201).")]
    [InlineData("degree", 101, "must be 1–100 characters long (is 101).")]
    [InlineData("field_of_study", 151, "must be 1–150 characters long (is 151).")]
    [InlineData("institution", 0, "is required.")]
    [InlineData("degree", 0, "is required.")]
    [InlineData("field_of_study", 0, "is required.")]
    public void Validate_TextOutsideLimits_ReportsFieldPath(string field, int length, string message)
    {
        var e = Profiles.ValidEducation();
        Set(e, field, new string('x', length));

        UserProfileValidator.Validate(Profiles.With(e)).Should().Equal(new ValidationError("education[0]." + field, message));
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.ValidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_StartDateMonth_HasNoErrors(string month)
    {
        var e = Profiles.ValidEducation();
        e.StartDate = month;

        Profiles.ErrorPaths(Profiles.With(e)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_StartDateNotMonth_ReportsStartDatePath(string value)
    {
        var e = Profiles.ValidEducation();
        e.StartDate = value;

        Profiles.ErrorPaths(Profiles.With(e)).Should().Equal("education[0].start_date");
    }

    [Fact]
    public void Validate_StartDatePresent_ReportsStartDatePath()
    {
        var e = Profiles.ValidEducation();
        e.StartDate = "Present";

        UserProfileValidator.Validate(Profiles.With(e)).Should().Equal(
            new ValidationError("education[0].start_date", "'Present' must be a month in the form YYYY-MM."));
    }

    [Fact]
    public void Validate_StartDateNull_ReportsRequired()
    {
        var e = Profiles.ValidEducation();
        e.StartDate = null!;

        UserProfileValidator.Validate(Profiles.With(e)).Should().Equal(
            new ValidationError("education[0].start_date", "is required (YYYY-MM)."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Present")]
    [InlineData("2019-06")]
    public void Validate_EndDateMonthOrPresentOrNull_HasNoErrors(string? value)
    {
        var e = Profiles.ValidEducation();
        e.EndDate = value;

        Profiles.ErrorPaths(Profiles.With(e)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_EndDateInvalid_ReportsEndDatePath(string value)
    {
        var e = Profiles.ValidEducation();
        e.EndDate = value;

        var errors = UserProfileValidator.Validate(Profiles.With(e));

        errors.Select(x => x.Path).Should().Equal("education[0].end_date");
        errors[0].Message.Should().EndWith("must be a month in the form YYYY-MM, or 'Present'.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(3.8)]
    [InlineData(4.0)]
    public void Validate_GpaInRange_HasNoErrors(double? gpa)
    {
        var e = Profiles.ValidEducation();
        e.Gpa = gpa;

        Profiles.ErrorPaths(Profiles.With(e)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(4.01, "must be between 0.0 and 4.0 (is 4.01).")]
    [InlineData(-0.01, "must be between 0.0 and 4.0 (is -0.01).")]
    [InlineData(5.0, "must be between 0.0 and 4.0 (is 5).")]
    [InlineData(double.NaN, "must be between 0.0 and 4.0 (is NaN).")]
    [InlineData(double.PositiveInfinity, "must be between 0.0 and 4.0 (is Infinity).")]
    public void Validate_GpaOutOfRange_ReportsGpaPath(double gpa, string message)
    {
        var e = Profiles.ValidEducation();
        e.Gpa = gpa;

        UserProfileValidator.Validate(Profiles.With(e)).Should().Equal(new ValidationError("education[0].gpa", message));
    }

    [Fact]
    public void Validate_NullListElements_ReportsEachElementPath()
    {
        var e = Profiles.ValidEducation();
        e.Honors = ["Dean's list", null!];
        e.RelevantCoursework = [null!];

        UserProfileValidator.Validate(Profiles.With(e)).Should().Equal(
            new ValidationError("education[0].honors[1]", "must be a string, not null."),
            new ValidationError("education[0].relevant_coursework[0]", "must be a string, not null."));
    }

    [Fact]
    public void Validate_EmptyHonorsAndCoursework_HasNoErrors()
    {
        var e = Profiles.ValidEducation();
        e.Honors = [];
        e.RelevantCoursework = [];

        Profiles.ErrorPaths(Profiles.With(e)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_SecondEntryInvalid_ReportsIndexOne()
    {
        var bad = Profiles.ValidEducation();
        bad.Gpa = 4.5;
        var profile = new UserProfile { Education = [Profiles.ValidEducation(), bad] };

        Profiles.ErrorPaths(profile).Should().Equal("education[1].gpa");
    }

    private static void Set(Education e, string field, string value)
    {
        switch (field)
        {
            case "institution": e.Institution = value; break;
            case "degree": e.Degree = value; break;
            case "field_of_study": e.FieldOfStudy = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field");
        }
    }
}
