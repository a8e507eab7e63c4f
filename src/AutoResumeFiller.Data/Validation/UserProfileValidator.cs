using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>
/// Checks a <see cref="UserProfile"/> against the Story 2.1 rules and reports every violation at once,
/// each with its JSON path (<c>personal_info.email</c>, <c>work_experience[1].responsibilities</c>).
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
public static class UserProfileValidator
{
    /// <summary>Validates <paramref name="profile"/>.</summary>
    /// <param name="profile">The profile to check.</param>
    /// <returns>Every rule broken, in document order; empty when the profile is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationError> Validate(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var v = new Rules();
        v.Text("version", profile.Version, 1, 20);
        v.NoShadowedProperties("", profile.AdditionalProperties, ProfileJsonContext.Default.UserProfile);
        if (profile.PersonalInfo is { } info)
        {
            ValidatePersonalInfo(v, info);
        }

        v.OptionalText("summary", profile.Summary, 2000);
        v.Each("education", profile.Education, ValidateEducation);
        v.Each("work_experience", profile.WorkExperience, ValidateWork);
        v.Strings("skills", profile.Skills);
        v.Each("projects", profile.Projects, ValidateProject);
        v.Each("certifications", profile.Certifications, ValidateCertification);
        return v.Errors;
    }

    private static void ValidatePersonalInfo(Rules v, PersonalInfo p)
    {
        const string at = "personal_info.";
        v.NoShadowedProperties(at, p.AdditionalProperties, ProfileJsonContext.Default.PersonalInfo);
        v.Text(at + "first_name", p.FirstName, 1, 100);
        v.Text(at + "last_name", p.LastName, 1, 100);
        v.Email(at + "email", p.Email);
        v.Phone(at + "phone", p.Phone);
        v.Url(at + "linkedin_url", p.LinkedinUrl);
        v.Url(at + "github_url", p.GithubUrl);
        v.Url(at + "portfolio_url", p.PortfolioUrl);
        v.OptionalText(at + "address", p.Address, 200);
        v.OptionalText(at + "city", p.City, 100);
        v.OptionalText(at + "state", p.State, 50);
        v.OptionalText(at + "zip_code", p.ZipCode, 20);
        v.OptionalText(at + "country", p.Country, 100);
    }

    private static void ValidateEducation(Rules v, string at, Education e)
    {
        v.NoShadowedProperties(at, e.AdditionalProperties, ProfileJsonContext.Default.Education);
        v.Text(at + "institution", e.Institution, 1, 200);
        v.Text(at + "degree", e.Degree, 1, 100);
        v.Text(at + "field_of_study", e.FieldOfStudy, 1, 150);
        v.YearMonth(at + "start_date", e.StartDate, required: true);
        v.EndDate(at + "end_date", e.EndDate);
        v.Range(at + "gpa", e.Gpa, 0.0, 4.0);
        v.Strings(at + "honors", e.Honors);
        v.Strings(at + "relevant_coursework", e.RelevantCoursework);
    }

    private static void ValidateWork(Rules v, string at, WorkExperience w)
    {
        v.NoShadowedProperties(at, w.AdditionalProperties, ProfileJsonContext.Default.WorkExperience);
        v.Text(at + "company", w.Company, 1, 200);
        v.Text(at + "position", w.Position, 1, 150);
        v.YearMonth(at + "start_date", w.StartDate, required: true);
        v.EndDate(at + "end_date", w.EndDate);
        v.OptionalText(at + "location", w.Location, 150);
        v.Strings(at + "responsibilities", w.Responsibilities, minItems: 1);
        v.Strings(at + "achievements", w.Achievements);
        v.Strings(at + "technologies", w.Technologies);
    }

    private static void ValidateProject(Rules v, string at, Project p)
    {
        v.NoShadowedProperties(at, p.AdditionalProperties, ProfileJsonContext.Default.Project);
        v.Text(at + "name", p.Name, 1, 200);
        v.Text(at + "description", p.Description, 1, 1000);
        v.YearMonth(at + "start_date", p.StartDate, required: false);
        v.EndDate(at + "end_date", p.EndDate);
        v.Url(at + "url", p.Url);
        v.Strings(at + "technologies", p.Technologies);
        v.Strings(at + "highlights", p.Highlights);
    }

    private static void ValidateCertification(Rules v, string at, Certification c)
    {
        v.NoShadowedProperties(at, c.AdditionalProperties, ProfileJsonContext.Default.Certification);
        v.Text(at + "name", c.Name, 1, 200);
        v.Text(at + "issuer", c.Issuer, 1, 150);
        v.YearMonth(at + "date_obtained", c.DateObtained, required: true);
        v.YearMonth(at + "expiration_date", c.ExpirationDate, required: false);
        v.OptionalText(at + "credential_id", c.CredentialId, 100);
        v.Url(at + "url", c.Url);
    }
}
