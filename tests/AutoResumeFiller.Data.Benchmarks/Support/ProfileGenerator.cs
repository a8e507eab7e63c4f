using System.Globalization;

namespace AutoResumeFiller.Data.Benchmarks.Support;

/// <summary>Deterministic, realistic and valid profiles: a typical one (~30 KB) and a very large one (~1 MB).</summary>
internal static class ProfileGenerator
{
    /// <summary>10 jobs, 5 schools, 60 skills, 8 projects, 8 certifications: about 30 KB on disk.</summary>
    public static UserProfile Typical() => Create(seed: 1, jobs: 10, schools: 5, skills: 60, projects: 8, certifications: 8);

    /// <summary>The same shape scaled up to about 1 MB on disk.</summary>
    public static UserProfile Large() => Create(seed: 2, jobs: 330, schools: 40, skills: 400, projects: 260, certifications: 120);

    public static UserProfile Create(int seed, int jobs, int schools, int skills, int projects, int certifications)
    {
        var text = new TextGenerator(seed);
        var profile = new UserProfile
        {
            PersonalInfo = new PersonalInfo
            {
                FirstName = "Alexandra",
                LastName = "Okonkwo-Lindqvist",
                Email = "alexandra.okonkwo@example.com",
                Phone = "+14155550123",
                LinkedinUrl = "https://www.linkedin.com/in/alexandra-okonkwo",
                GithubUrl = "https://github.com/aokonkwo",
                PortfolioUrl = "https://alexandra.example.dev",
                Address = "1234 Market Street, Apartment 56",
                City = "San Francisco",
                State = "CA",
                ZipCode = "94103",
                Country = "USA",
            },
            Summary = text.Text(900),
            LastUpdated = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
        };

        for (var i = 0; i < schools; i++)
        {
            profile.Education.Add(new Education
            {
                Institution = Title(text, 3) + " University",
                Degree = i % 2 == 0 ? "Bachelor of Science" : "Master of Science",
                FieldOfStudy = Title(text, 2),
                StartDate = Month(2000 + (i % 20), 9),
                EndDate = Month(2004 + (i % 20), 6),
                Gpa = 3.0 + ((i % 10) / 10.0),
                Honors = [Title(text, 3), Title(text, 2)],
                RelevantCoursework = [.. Enumerable.Range(0, 6).Select(_ => Title(text, 3))],
            });
        }

        for (var i = 0; i < jobs; i++)
        {
            profile.WorkExperience.Add(new WorkExperience
            {
                Company = Title(text, 2) + " Inc.",
                Position = "Senior " + Title(text, 2) + " Engineer",
                StartDate = Month(2005 + (i % 18), 1 + (i % 12)),
                EndDate = i == 0 ? "Present" : Month(2006 + (i % 18), 1 + ((i + 5) % 12)),
                Location = Title(text, 2) + ", CA",
                Responsibilities = [.. Enumerable.Range(0, 6).Select(_ => text.Sentence(14, 30))],
                Achievements = [.. Enumerable.Range(0, 4).Select(_ => text.Sentence(12, 24))],
                Technologies = [.. Enumerable.Range(0, 8).Select(_ => Title(text, 1))],
            });
        }

        for (var i = 0; i < skills; i++)
        {
            profile.Skills.Add(Title(text, 1 + (i % 3)));
        }

        for (var i = 0; i < projects; i++)
        {
            profile.Projects.Add(new Project
            {
                Name = Title(text, 3),
                Description = text.Text(500),
                StartDate = Month(2010 + (i % 15), 1 + (i % 12)),
                EndDate = Month(2011 + (i % 15), 1 + (i % 12)),
                Url = string.Create(CultureInfo.InvariantCulture, $"https://github.com/aokonkwo/project-{i}"),
                Technologies = [.. Enumerable.Range(0, 5).Select(_ => Title(text, 1))],
                Highlights = [.. Enumerable.Range(0, 3).Select(_ => text.Sentence(10, 20))],
            });
        }

        for (var i = 0; i < certifications; i++)
        {
            profile.Certifications.Add(new Certification
            {
                Name = "Certified " + Title(text, 3),
                Issuer = Title(text, 2) + " Institute",
                DateObtained = Month(2012 + (i % 12), 1 + (i % 12)),
                ExpirationDate = Month(2027 + (i % 5), 1 + (i % 12)),
                CredentialId = string.Create(CultureInfo.InvariantCulture, $"CRED-{seed}-{i:D6}"),
                Url = string.Create(CultureInfo.InvariantCulture, $"https://credentials.example.org/verify/{seed}-{i}"),
            });
        }

        var errors = UserProfileValidator.Validate(profile);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated profile is invalid: " + string.Join("; ", errors));
        }

        return profile;
    }

    private static string Title(TextGenerator text, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ =>
        {
            var word = text.Word();
            return char.ToUpperInvariant(word[0]) + word[1..];
        }));

    private static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
}
