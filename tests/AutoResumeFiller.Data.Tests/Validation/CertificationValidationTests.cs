using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Validation;

public class CertificationValidationTests
{
    [Fact]
    public void Validate_ValidCertification_HasNoErrors()
    {
        UserProfileValidator.Validate(Profiles.With(Profiles.ValidCertification())).Should().BeEmpty();
    }

    [Fact]
    public void Validate_OnlyRequiredFields_HasNoErrors()
    {
        var c = new Certification { Name = "N", Issuer = "I", DateObtained = "2020-01" };

        UserProfileValidator.Validate(Profiles.With(c)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("name", 1)]
    [InlineData("name", 200)]
    [InlineData("issuer", 1)]
    [InlineData("issuer", 150)]
    [InlineData("credential_id", 0)]
    [InlineData("credential_id", 100)]
    public void Validate_TextWithinLimits_HasNoErrors(string field, int length)
    {
        var c = Profiles.ValidCertification();
        Set(c, field, new string('x', length));

        Profiles.ErrorPaths(Profiles.With(c)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("name", 201, "must be 1–200 characters long (is 201).")]
    [InlineData("issuer", 151, "must be 1–150 characters long (is 151).")]
    [InlineData("credential_id", 101, "must be at most 100 characters long (is 101).")]
    [InlineData("name", 0, "is required.")]
    [InlineData("issuer", 0, "is required.")]
    public void Validate_TextOutsideLimits_ReportsFieldPath(string field, int length, string message)
    {
        var c = Profiles.ValidCertification();
        Set(c, field, new string('x', length));

        UserProfileValidator.Validate(Profiles.With(c)).Should().Equal(new ValidationError("certifications[0]." + field, message));
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.ValidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_MonthDates_HaveNoErrors(string month)
    {
        var c = Profiles.ValidCertification();
        c.DateObtained = month;
        c.ExpirationDate = month;

        Profiles.ErrorPaths(Profiles.With(c)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_DateObtainedMissing_ReportsRequired()
    {
        var c = Profiles.ValidCertification();
        c.DateObtained = "";

        UserProfileValidator.Validate(Profiles.With(c)).Should().Equal(
            new ValidationError("certifications[0].date_obtained", "is required (YYYY-MM)."));
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_DateObtainedInvalid_ReportsDateObtainedPath(string value)
    {
        var c = Profiles.ValidCertification();
        c.DateObtained = value;

        Profiles.ErrorPaths(Profiles.With(c)).Should().Equal("certifications[0].date_obtained");
    }

    [Theory]
    [MemberData(nameof(ProfilesDates.InvalidMonths), MemberType = typeof(ProfilesDates))]
    public void Validate_ExpirationDateInvalid_ReportsExpirationDatePath(string value)
    {
        var c = Profiles.ValidCertification();
        c.ExpirationDate = value;

        Profiles.ErrorPaths(Profiles.With(c)).Should().Equal("certifications[0].expiration_date");
    }

    [Fact]
    public void Validate_ExpirationDatePresent_IsNotAccepted()
    {
        var c = Profiles.ValidCertification();
        c.ExpirationDate = "Present";

        UserProfileValidator.Validate(Profiles.With(c)).Should().Equal(
            new ValidationError("certifications[0].expiration_date", "'Present' must be a month in the form YYYY-MM."));
    }

    [Fact]
    public void Validate_OptionalFieldsNull_HasNoErrors()
    {
        var c = Profiles.ValidCertification();
        c.ExpirationDate = null;
        c.CredentialId = null;
        c.Url = null;

        Profiles.ErrorPaths(Profiles.With(c)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("ftp://certs.example.com/1")]
    [InlineData("certs.example.com/1")]
    [InlineData("/verify/1")]
    public void Validate_UrlNotHttp_ReportsUrlPath(string url)
    {
        var c = Profiles.ValidCertification();
        c.Url = url;

        Profiles.ErrorPaths(Profiles.With(c)).Should().Equal("certifications[0].url");
    }

    private static void Set(Certification c, string field, string value)
    {
        switch (field)
        {
            case "name": c.Name = value; break;
            case "issuer": c.Issuer = value; break;
            case "credential_id": c.CredentialId = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field");
        }
    }
}
