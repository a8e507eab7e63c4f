namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// Each profile model's table for <see cref="ProfileJsonReader"/>: its JSON names in declaration order with the kind
/// of value and the property it sets. A test checks the names against the source-generated metadata, and the
/// differential tests check every property's value against System.Text.Json's.
/// </summary>
internal static partial class ProfileJsonReader
{
    // The tables are in this one file, nested models first: static initializers run in textual order within a file only.
    private static readonly ModelReader<PersonalInfo> PersonalInfoModel = new ModelReader<PersonalInfo>(static (p, extra) => p.AdditionalProperties = extra)
        .Text("first_name", static (p, v) => p.FirstName = v!)
        .Text("last_name", static (p, v) => p.LastName = v!)
        .Text("email", static (p, v) => p.Email = v!)
        .Text("phone", static (p, v) => p.Phone = v)
        .Text("linkedin_url", static (p, v) => p.LinkedinUrl = v)
        .Text("github_url", static (p, v) => p.GithubUrl = v)
        .Text("portfolio_url", static (p, v) => p.PortfolioUrl = v)
        .Text("address", static (p, v) => p.Address = v)
        .Text("city", static (p, v) => p.City = v)
        .Text("state", static (p, v) => p.State = v)
        .Text("zip_code", static (p, v) => p.ZipCode = v)
        .Text("country", static (p, v) => p.Country = v);

    private static readonly ModelReader<Education> EducationModel = new ModelReader<Education>(static (e, extra) => e.AdditionalProperties = extra)
        .Text("institution", static (e, v) => e.Institution = v!)
        .Text("degree", static (e, v) => e.Degree = v!)
        .Text("field_of_study", static (e, v) => e.FieldOfStudy = v!)
        .Text("start_date", static (e, v) => e.StartDate = v!)
        .Text("end_date", static (e, v) => e.EndDate = v)
        .Number("gpa", static (e, v) => e.Gpa = v)
        .Texts("honors", static (e, v) => e.Honors = v!)
        .Texts("relevant_coursework", static (e, v) => e.RelevantCoursework = v!);

    private static readonly ModelReader<WorkExperience> WorkExperienceModel = new ModelReader<WorkExperience>(static (w, extra) => w.AdditionalProperties = extra)
        .Text("company", static (w, v) => w.Company = v!)
        .Text("position", static (w, v) => w.Position = v!)
        .Text("start_date", static (w, v) => w.StartDate = v!)
        .Text("end_date", static (w, v) => w.EndDate = v)
        .Text("location", static (w, v) => w.Location = v)
        .Texts("responsibilities", static (w, v) => w.Responsibilities = v!)
        .Texts("achievements", static (w, v) => w.Achievements = v!)
        .Texts("technologies", static (w, v) => w.Technologies = v!);

    private static readonly ModelReader<Project> ProjectModel = new ModelReader<Project>(static (p, extra) => p.AdditionalProperties = extra)
        .Text("name", static (p, v) => p.Name = v!)
        .Text("description", static (p, v) => p.Description = v!)
        .Text("start_date", static (p, v) => p.StartDate = v)
        .Text("end_date", static (p, v) => p.EndDate = v)
        .Text("url", static (p, v) => p.Url = v)
        .Texts("technologies", static (p, v) => p.Technologies = v!)
        .Texts("highlights", static (p, v) => p.Highlights = v!);

    private static readonly ModelReader<Certification> CertificationModel = new ModelReader<Certification>(static (c, extra) => c.AdditionalProperties = extra)
        .Text("name", static (c, v) => c.Name = v!)
        .Text("issuer", static (c, v) => c.Issuer = v!)
        .Text("date_obtained", static (c, v) => c.DateObtained = v!)
        .Text("expiration_date", static (c, v) => c.ExpirationDate = v)
        .Text("credential_id", static (c, v) => c.CredentialId = v)
        .Text("url", static (c, v) => c.Url = v);

    private static readonly ModelReader<UserProfile> ProfileModel = new ModelReader<UserProfile>(static (p, extra) => p.AdditionalProperties = extra)
        .Text("version", static (p, v) => p.Version = v!)
        .Object("personal_info", PersonalInfoModel, static (p, v) => p.PersonalInfo = v)
        .Text("summary", static (p, v) => p.Summary = v)
        .Objects("education", EducationModel, static (p, v) => p.Education = v!)
        .Objects("work_experience", WorkExperienceModel, static (p, v) => p.WorkExperience = v!)
        .Texts("skills", static (p, v) => p.Skills = v!)
        .Objects("projects", ProjectModel, static (p, v) => p.Projects = v!)
        .Objects("certifications", CertificationModel, static (p, v) => p.Certifications = v!)
        .Timestamp("last_updated", static (p, v) => p.LastUpdated = v);
}
