using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

public class ProjectValidationTests
{
    [Fact]
    public void Validate_ValidProject_HasNoErrors()
    {
        UserProfileValidator.Validate(Profiles.With(Profiles.ValidProject())).Should().BeEmpty();
    }

    [Fact]
    public void Validate_OnlyRequiredFields_HasNoErrors()
    {
        var p = new Project { Name = "N", Description = "D" };

        UserProfileValidator.Validate(Profiles.With(p)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("name", 1)]
    [InlineData("name", 200)]
    [InlineData("description", 1)]
    [InlineData("description", 1000)]
    public void Validate_TextWithinLimits_HasNoErrors(string field, int length)
    {
        var p = Profiles.ValidProject();
        Set(p, field, new string('x', length));

        Profiles.ErrorPaths(Profiles.With(p)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("name", 201, "must be 1–200 characters long (is 201).")]
    [InlineData("description", 1001, "must be 1–1000 characters long (is 1001).")]
    [InlineData("name", 0, "is required.")]
    [InlineData("description", 0, "is required.")]
    public void Validate_TextOutsideLimits_ReportsFieldPath(string field, int length, string message)
    {
        var p = Profiles.ValidProject();
        Set(p, field, new string('x', length));

        UserProfileValidator.Validate(Profiles.With(p)).Should().Equal(new ValidationError("projects[0]." + field, message));
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.ValidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_MonthDates_HaveNoErrors(string month)
    {
        var p = Profiles.ValidProject();
        p.StartDate = month;
        p.EndDate = month;

        Profiles.ErrorPaths(Profiles.With(p)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_DatesNullAndEndPresent_HasNoErrors()
    {
        var p = Profiles.ValidProject();
        p.StartDate = null;
        p.EndDate = "Present";

        Profiles.ErrorPaths(Profiles.With(p)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_StartDateInvalid_ReportsStartDatePath(string value)
    {
        var p = Profiles.ValidProject();
        p.StartDate = value;

        Profiles.ErrorPaths(Profiles.With(p)).Should().Equal("projects[0].start_date");
    }

    [Fact]
    public void Validate_StartDatePresent_ReportsStartDatePath()
    {
        var p = Profiles.ValidProject();
        p.StartDate = "Present";

        Profiles.ErrorPaths(Profiles.With(p)).Should().Equal("projects[0].start_date");
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_EndDateInvalid_ReportsEndDatePath(string value)
    {
        var p = Profiles.ValidProject();
        p.EndDate = value;

        Profiles.ErrorPaths(Profiles.With(p)).Should().Equal("projects[0].end_date");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://github.com/ada/engine")]
    [InlineData("http://example.com")]
    public void Validate_UrlNullOrHttp_HasNoErrors(string? url)
    {
        var p = Profiles.ValidProject();
        p.Url = url;

        Profiles.ErrorPaths(Profiles.With(p)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("ftp://example.com/engine")]
    [InlineData("/engine")]
    [InlineData("engine.html")]
    [InlineData("github.com/ada/engine")]
    [InlineData("")]
    public void Validate_UrlNotHttp_ReportsUrlPath(string url)
    {
        var p = Profiles.ValidProject();
        p.Url = url;

        Profiles.ErrorPaths(Profiles.With(p)).Should().Equal("projects[0].url");
    }

    [Fact]
    public void Validate_NullListElements_ReportsEachElementPath()
    {
        var p = Profiles.ValidProject();
        p.Technologies = [null!];
        p.Highlights = ["h", null!];

        Profiles.ErrorPaths(Profiles.With(p)).Should().Equal("projects[0].technologies[0]", "projects[0].highlights[1]");
    }

    private static void Set(Project p, string field, string value)
    {
        switch (field)
        {
            case "name": p.Name = value; break;
            case "description": p.Description = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field");
        }
    }
}
