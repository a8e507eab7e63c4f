using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

public class PersonalInfoValidationTests
{
    [Fact]
    public void Validate_ValidPersonalInfo_HasNoErrors()
    {
        UserProfileValidator.Validate(Profiles.With(Profiles.ValidPersonalInfo())).Should().BeEmpty();
    }

    [Fact]
    public void Validate_NullPersonalInfo_HasNoErrors()
    {
        UserProfileValidator.Validate(new UserProfile { PersonalInfo = null }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_OnlyRequiredFields_HasNoErrors()
    {
        var info = new PersonalInfo { FirstName = "A", LastName = "B", Email = "a@b.co" };

        UserProfileValidator.Validate(Profiles.With(info)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("first_name", 1)]
    [InlineData("first_name", 100)]
    [InlineData("last_name", 1)]
    [InlineData("last_name", 100)]
    [InlineData("address", 200)]
    [InlineData("city", 100)]
    [InlineData("state", 50)]
    [InlineData("zip_code", 20)]
    [InlineData("country", 100)]
    public void Validate_TextAtLimit_HasNoErrors(string field, int length)
    {
        var info = Profiles.ValidPersonalInfo();
        Set(info, field, new string('x', length));

        Profiles.ErrorPaths(Profiles.With(info)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("first_name", 101, "must be 1–100 characters long (is 101).")]
    [InlineData("last_name", 101, "must be 1–100 characters long (is 101).")]
    [InlineData("address", 201, "must be at most 200 characters long (is 201).")]
    [InlineData("city", 101, "must be at most 100 characters long (is 101).")]
    [InlineData("state", 51, "must be at most 50 characters long (is 51).")]
    [InlineData("zip_code", 21, "must be at most 20 characters long (is 21).")]
    [InlineData("country", 101, "must be at most 100 characters long (is 101).")]
    public void Validate_TextOverLimit_ReportsFieldPath(string field, int length, string message)
    {
        var info = Profiles.ValidPersonalInfo();
        Set(info, field, new string('x', length));

        UserProfileValidator.Validate(Profiles.With(info)).Should().Equal(new ValidationError("personal_info." + field, message));
    }

    [Theory]
    [InlineData("first_name", "")]
    [InlineData("first_name", "   ")]
    [InlineData("first_name", null)]
    [InlineData("last_name", "")]
    [InlineData("last_name", null)]
    [InlineData("email", "")]
    [InlineData("email", null)]
    public void Validate_RequiredFieldMissing_ReportsIsRequired(string field, string? value)
    {
        var info = Profiles.ValidPersonalInfo();
        Set(info, field, value);

        UserProfileValidator.Validate(Profiles.With(info)).Should().Equal(new ValidationError("personal_info." + field, "is required."));
    }

    [Theory]
    [InlineData("address")]
    [InlineData("city")]
    [InlineData("state")]
    [InlineData("zip_code")]
    [InlineData("country")]
    [InlineData("phone")]
    [InlineData("linkedin_url")]
    [InlineData("github_url")]
    [InlineData("portfolio_url")]
    public void Validate_OptionalFieldNull_HasNoErrors(string field)
    {
        var info = Profiles.ValidPersonalInfo();
        Set(info, field, null);

        Profiles.ErrorPaths(Profiles.With(info)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("a@b.co")]
    [InlineData("ada.lovelace@example.com")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("user_name-1@example-domain.com")]
    [InlineData("UPPER@EXAMPLE.COM")]
    public void Validate_ValidEmail_HasNoErrors(string email)
    {
        var info = Profiles.ValidPersonalInfo();
        info.Email = email;

        Profiles.ErrorPaths(Profiles.With(info)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("ada@localhost")]
    [InlineData("@example.com")]
    [InlineData("ada@")]
    [InlineData("ada@@example.com")]
    [InlineData("ada lovelace@example.com")]
    [InlineData(" ada@example.com")]
    [InlineData("ada@example.com ")]
    [InlineData("ada@example.com\n")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@example.com.")]
    [InlineData("ada@.example.com")]
    [InlineData("ada@example.com, bob@example.com")]
    public void Validate_InvalidEmail_ReportsEmailPath(string email)
    {
        var info = Profiles.ValidPersonalInfo();
        info.Email = email;

        var errors = UserProfileValidator.Validate(Profiles.With(info));

        errors.Select(e => e.Path).Should().Equal("personal_info.email");
        errors[0].Message.Should().EndWith("is not a valid e-mail address.");
    }

    [Fact]
    public void Validate_InvalidEmail_MessageQuotesValue()
    {
        var info = Profiles.ValidPersonalInfo();
        info.Email = "not-an-email";

        UserProfileValidator.Validate(Profiles.With(info)).Should().Equal(
            new ValidationError("personal_info.email", "'not-an-email' is not a valid e-mail address."));
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("123456789012345")]
    [InlineData("+123456789")]
    [InlineData("+123456789012345")]
    [InlineData("1123456789012345")]
    [InlineData("+14155550123")]
    [InlineData("+1123456789012345")]
    public void Validate_ValidPhone_HasNoErrors(string phone)
    {
        var info = Profiles.ValidPersonalInfo();
        info.Phone = phone;

        Profiles.ErrorPaths(Profiles.With(info)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345678")]
    [InlineData("+12345678")]
    [InlineData("2234567890123456")]
    [InlineData("+11234567890123456")]
    [InlineData("++123456789")]
    [InlineData("+1 415 555 0123")]
    [InlineData("415-555-0123")]
    [InlineData("(415) 5550123")]
    [InlineData("12345678a")]
    [InlineData("123456789\n")]
    [InlineData("١٢٣٤٥٦٧٨٩")]
    [InlineData("１２３４５６７８９")]
    public void Validate_InvalidPhone_ReportsPhonePath(string phone)
    {
        var info = Profiles.ValidPersonalInfo();
        info.Phone = phone;

        var errors = UserProfileValidator.Validate(Profiles.With(info));

        errors.Select(e => e.Path).Should().Equal("personal_info.phone");
        errors[0].Message.Should().Contain("is not a valid phone number");
    }

    [Theory]
    [InlineData("linkedin_url", "https://www.linkedin.com/in/ada")]
    [InlineData("linkedin_url", "http://linkedin.com/in/ada")]
    [InlineData("github_url", "https://github.com/ada")]
    [InlineData("github_url", "HTTPS://GITHUB.COM/ada")]
    [InlineData("portfolio_url", "https://ada.example.org/work?tab=1#top")]
    [InlineData("portfolio_url", "http://localhost:8080")]
    public void Validate_HttpUrl_HasNoErrors(string field, string url)
    {
        var info = Profiles.ValidPersonalInfo();
        Set(info, field, url);

        Profiles.ErrorPaths(Profiles.With(info)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("linkedin_url", "ftp://linkedin.com/in/ada")]
    [InlineData("linkedin_url", "linkedin.com/in/ada")]
    [InlineData("github_url", "/ada")]
    [InlineData("github_url", "github.com")]
    [InlineData("github_url", "")]
    [InlineData("portfolio_url", "mailto:ada@example.com")]
    [InlineData("portfolio_url", "file:///home/ada/index.html")]
    [InlineData("portfolio_url", "https://")]
    [InlineData("portfolio_url", "javascript:alert(1)")]
    public void Validate_NonHttpUrl_ReportsFieldPath(string field, string url)
    {
        var info = Profiles.ValidPersonalInfo();
        Set(info, field, url);

        UserProfileValidator.Validate(Profiles.With(info)).Should().Equal(
            new ValidationError("personal_info." + field, $"'{url}' is not an absolute http(s) URL."));
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsAllInDeclarationOrder()
    {
        var info = new PersonalInfo
        {
            FirstName = "",
            LastName = new string('x', 101),
            Email = "nope",
            Phone = "12",
            LinkedinUrl = "ftp://x.example",
            GithubUrl = "github.com/ada",
            PortfolioUrl = "/me",
            Address = new string('x', 201),
            City = new string('x', 101),
            State = new string('x', 51),
            ZipCode = new string('x', 21),
            Country = new string('x', 101),
        };

        Profiles.ErrorPaths(Profiles.With(info)).Should().Equal(
            "personal_info.first_name",
            "personal_info.last_name",
            "personal_info.email",
            "personal_info.phone",
            "personal_info.linkedin_url",
            "personal_info.github_url",
            "personal_info.portfolio_url",
            "personal_info.address",
            "personal_info.city",
            "personal_info.state",
            "personal_info.zip_code",
            "personal_info.country");
    }

    private static void Set(PersonalInfo info, string field, string? value)
    {
        switch (field)
        {
            case "first_name": info.FirstName = value!; break;
            case "last_name": info.LastName = value!; break;
            case "email": info.Email = value!; break;
            case "phone": info.Phone = value; break;
            case "linkedin_url": info.LinkedinUrl = value; break;
            case "github_url": info.GithubUrl = value; break;
            case "portfolio_url": info.PortfolioUrl = value; break;
            case "address": info.Address = value; break;
            case "city": info.City = value; break;
            case "state": info.State = value; break;
            case "zip_code": info.ZipCode = value; break;
            case "country": info.Country = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field");
        }
    }
}
