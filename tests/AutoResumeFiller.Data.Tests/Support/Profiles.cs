using System.Text;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>Sample profiles for model, serializer and validator tests. Every builder returns a fresh, valid instance.</summary>
internal static class Profiles
{
    public static PersonalInfo ValidPersonalInfo() => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = "ada.lovelace@example.com",
        Phone = "+14155550123",
        LinkedinUrl = "https://www.linkedin.com/in/ada",
        GithubUrl = "https://github.com/ada",
        PortfolioUrl = "http://ada.example.org",
        Address = "12 St James's Square",
        City = "London",
        State = "Greater London",
        ZipCode = "SW1Y 4JH",
        Country = "UK",
    };

    public static Education ValidEducation() => new()
    {
        Institution = "University of London",
        Degree = "BSc",
        FieldOfStudy = "Mathematics",
        StartDate = "2015-09",
        EndDate = "2019-06",
        Gpa = 3.8,
        Honors = ["First Class"],
        RelevantCoursework = ["Analysis", "Algebra"],
    };

    public static WorkExperience ValidWork() => new()
    {
        Company = "Analytical Engines Ltd",
        Position = "Engineer",
        StartDate = "2019-07",
        EndDate = "Present",
        Location = "London",
        Responsibilities = ["Wrote programs for the engine"],
        Achievements = ["First published algorithm"],
        Technologies = ["Punch cards"],
    };

    public static Project ValidProject() => new()
    {
        Name = "Bernoulli numbers",
        Description = "Computes Bernoulli numbers on the Analytical Engine.",
        StartDate = "2020-01",
        EndDate = "2020-03",
        Url = "https://example.com/bernoulli",
        Technologies = ["Analytical Engine"],
        Highlights = ["Note G"],
    };

    public static Certification ValidCertification() => new()
    {
        Name = "Certified Engine Programmer",
        Issuer = "Royal Society",
        DateObtained = "2021-05",
        ExpirationDate = "2024-05",
        CredentialId = "RS-1843",
        Url = "https://royalsociety.example/verify/RS-1843",
    };

    /// <summary>A complete valid profile with one entry in every list.</summary>
    public static UserProfile Valid() => new()
    {
        PersonalInfo = ValidPersonalInfo(),
        Summary = "Mathematician and the first programmer.",
        Education = [ValidEducation()],
        WorkExperience = [ValidWork()],
        Skills = ["Mathematics", "Programming"],
        Projects = [ValidProject()],
        Certifications = [ValidCertification()],
        LastUpdated = new DateTime(2025, 11, 29, 10, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>A profile with only <paramref name="education"/> in it, for rule tests.</summary>
    public static UserProfile With(Education education) => new() { Education = [education] };

    /// <summary>A profile with only <paramref name="work"/> in it, for rule tests.</summary>
    public static UserProfile With(WorkExperience work) => new() { WorkExperience = [work] };

    /// <summary>A profile with only <paramref name="project"/> in it, for rule tests.</summary>
    public static UserProfile With(Project project) => new() { Projects = [project] };

    /// <summary>A profile with only <paramref name="certification"/> in it, for rule tests.</summary>
    public static UserProfile With(Certification certification) => new() { Certifications = [certification] };

    /// <summary>A profile with only <paramref name="info"/> in it, for rule tests.</summary>
    public static UserProfile With(PersonalInfo info) => new() { PersonalInfo = info };

    /// <summary>The paths of every validation error of <paramref name="profile"/>, in order.</summary>
    public static IReadOnlyList<string> ErrorPaths(UserProfile profile) =>
        [.. UserProfileValidator.Validate(profile).Select(e => e.Path)];

    /// <summary>Parses UTF-8 JSON text with the profile serializer.</summary>
    public static UserProfile Parse(string json) => UserProfileSerializer.Deserialize(Encoding.UTF8.GetBytes(json));

    /// <summary>Serializes to the on-disk text.</summary>
    public static string ToJson(UserProfile profile) => Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile));
}
