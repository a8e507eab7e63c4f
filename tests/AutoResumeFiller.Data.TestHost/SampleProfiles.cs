namespace AutoResumeFiller.Data.TestHost;

/// <summary>Valid profiles shared by the test host and the integration tests.</summary>
public static class SampleProfiles
{
    /// <summary>A valid profile with <paramref name="workEntries"/> jobs (about 600 bytes each) and the given summary.</summary>
    public static UserProfile Valid(string summary = "start", int workEntries = 3)
    {
        var profile = new UserProfile
        {
            PersonalInfo = new PersonalInfo
            {
                FirstName = "Ada",
                LastName = "Lovelace",
                Email = "ada@example.com",
                Phone = "+15551234567",
                LinkedinUrl = "https://www.linkedin.com/in/ada",
                City = "London",
            },
            Summary = summary,
            Skills = ["C#", "Analytical engines", "Mathematics"],
        };
        profile.Education.Add(new Education
        {
            Institution = "University of London",
            Degree = "BSc",
            FieldOfStudy = "Mathematics",
            StartDate = "1832-09",
            EndDate = "1835-06",
            Gpa = 3.9,
        });
        for (var i = 0; i < workEntries; i++)
        {
            profile.WorkExperience.Add(new WorkExperience
            {
                Company = $"Analytical Engine Company {i}",
                Position = "Programmer",
                StartDate = "1843-01",
                EndDate = "Present",
                Location = "London, United Kingdom",
                Responsibilities =
                [
                    $"Wrote the first published algorithm intended for a machine, variant {i}.",
                    "Translated and annotated Menabrea's article on the Analytical Engine with extensive notes.",
                    "Described how the engine could manipulate symbols beyond numbers, such as music.",
                ],
                Achievements = ["Note G: computing Bernoulli numbers with the Analytical Engine."],
                Technologies = ["Punched cards", "Difference engine", "Analytical engine"],
            });
        }

        return profile;
    }
}
