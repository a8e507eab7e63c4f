namespace AutoResumeFiller.Data.Cli.Tests.Support;

/// <summary>Profile files for the tests.</summary>
public static class Profiles
{
    /// <summary>A profile breaking three rules, at <c>personal_info.email</c>, <c>work_experience[0].start_date</c> and <c>work_experience[0].responsibilities</c>.</summary>
    public const string InvalidJson = """
        {
          "version": "1.0",
          "personal_info": { "first_name": "Ada", "last_name": "Lovelace", "email": "not-an-email" },
          "work_experience": [
            { "company": "Analytical Engines", "position": "Programmer", "start_date": "1843", "responsibilities": [] }
          ],
          "last_updated": "2025-01-01T00:00:00Z"
        }
        """;

    /// <summary>A small valid profile different from the shipped sample.</summary>
    public const string AdaJson = """
        {
          "version": "1.0",
          "personal_info": { "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org" },
          "skills": ["Mathematics"],
          "last_updated": "2025-01-01T00:00:00Z"
        }
        """;

    /// <summary>Not JSON at all.</summary>
    public const string CorruptJson = "{ \"version\": \"1.0\", \"personal_info\": ";
}
