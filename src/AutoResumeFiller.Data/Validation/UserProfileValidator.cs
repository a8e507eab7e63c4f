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
        v.Version(SchemaVersion.PropertyName, profile.Version);
        v.NoShadowedProperties(profile.AdditionalProperties, ProfileJsonContext.Default.UserProfile);
        if (profile.PersonalInfo is { } info)
        {
            v.InObject("personal_info", info, ValidatePersonalInfo);
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
        v.NoShadowedProperties(p.AdditionalProperties, ProfileJsonContext.Default.PersonalInfo);
        v.Text("first_name", p.FirstName, 1, 100);
        v.Text("last_name", p.LastName, 1, 100);
        v.Email("email", p.Email);
        v.Phone("phone", p.Phone);
        v.Url("linkedin_url", p.LinkedinUrl);
        v.Url("github_url", p.GithubUrl);
        v.Url("portfolio_url", p.PortfolioUrl);
        v.OptionalText("address", p.Address, 200);
        v.OptionalText("city", p.City, 100);
        v.OptionalText("state", p.State, 50);
        v.OptionalText("zip_code", p.ZipCode, 20);
        v.OptionalText("country", p.Country, 100);
    }

    private static void ValidateEducation(Rules v, Education e)
    {
        v.NoShadowedProperties(e.AdditionalProperties, ProfileJsonContext.Default.Education);
        v.Text("institution", e.Institution, 1, 200);
        v.Text("degree", e.Degree, 1, 100);
        v.Text("field_of_study", e.FieldOfStudy, 1, 150);
        v.YearMonth("start_date", e.StartDate, required: true);
        v.EndDate("end_date", e.EndDate);
        v.Range("gpa", e.Gpa, 0.0, 4.0);
        v.Strings("honors", e.Honors);
        v.Strings("relevant_coursework", e.RelevantCoursework);
    }

    private static void ValidateWork(Rules v, WorkExperience w)
    {
        v.NoShadowedProperties(w.AdditionalProperties, ProfileJsonContext.Default.WorkExperience);
        v.Text("company", w.Company, 1, 200);
        v.Text("position", w.Position, 1, 150);
        v.YearMonth("start_date", w.StartDate, required: true);
        v.EndDate("end_date", w.EndDate);
        v.OptionalText("location", w.Location, 150);
        v.Strings("responsibilities", w.Responsibilities, minItems: 1);
        v.Strings("achievements", w.Achievements);
        v.Strings("technologies", w.Technologies);
    }

    private static void ValidateProject(Rules v, Project p)
    {
        v.NoShadowedProperties(p.AdditionalProperties, ProfileJsonContext.Default.Project);
        v.Text("name", p.Name, 1, 200);
        v.Text("description", p.Description, 1, 1000);
        v.YearMonth("start_date", p.StartDate, required: false);
        v.EndDate("end_date", p.EndDate);
        v.Url("url", p.Url);
        v.Strings("technologies", p.Technologies);
        v.Strings("highlights", p.Highlights);
    }

    private static void ValidateCertification(Rules v, Certification c)
    {
        v.NoShadowedProperties(c.AdditionalProperties, ProfileJsonContext.Default.Certification);
        v.Text("name", c.Name, 1, 200);
        v.Text("issuer", c.Issuer, 1, 150);
        v.YearMonth("date_obtained", c.DateObtained, required: true);
        v.YearMonth("expiration_date", c.ExpirationDate, required: false);
        v.OptionalText("credential_id", c.CredentialId, 100);
        v.Url("url", c.Url);
    }
}
