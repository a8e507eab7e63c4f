using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// Structural comparison of two parsed profiles, stricter than comparing their serialized forms: strings by
/// ordinal (null apart from empty), doubles by bit pattern (so -0 differs from 0), timestamps by ticks and kind,
/// list items including null ones, and extension data by key order, value kind and raw text.
/// </summary>
internal static class ProfileDifferences
{
    /// <summary>Lists every difference between <paramref name="expected"/> and <paramref name="actual"/>, by JSON path.</summary>
    public static IReadOnlyList<string> Between(UserProfile expected, UserProfile actual)
    {
        var differences = new List<string>();
        Profile(differences, expected, actual);
        return differences;
    }

    private static void Profile(List<string> d, UserProfile e, UserProfile a)
    {
        Text(d, "$.version", e.Version, a.Version);
        Nullable(d, "$.personal_info", e.PersonalInfo, a.PersonalInfo, PersonalInfo);
        Text(d, "$.summary", e.Summary, a.Summary);
        List(d, "$.education", e.Education, a.Education, (p, x, y) => Nullable(d, p, x, y, Education));
        List(d, "$.work_experience", e.WorkExperience, a.WorkExperience, (p, x, y) => Nullable(d, p, x, y, Work));
        Texts(d, "$.skills", e.Skills, a.Skills);
        List(d, "$.projects", e.Projects, a.Projects, (p, x, y) => Nullable(d, p, x, y, Project));
        List(d, "$.certifications", e.Certifications, a.Certifications, (p, x, y) => Nullable(d, p, x, y, Certification));
        if (e.LastUpdated.Ticks != a.LastUpdated.Ticks || e.LastUpdated.Kind != a.LastUpdated.Kind)
        {
            d.Add(string.Create(CultureInfo.InvariantCulture, $"$.last_updated: {e.LastUpdated.Ticks} {e.LastUpdated.Kind} != {a.LastUpdated.Ticks} {a.LastUpdated.Kind}"));
        }

        Extra(d, "$", e.AdditionalProperties, a.AdditionalProperties);
    }

    private static void PersonalInfo(List<string> d, string path, PersonalInfo e, PersonalInfo a)
    {
        Text(d, path + ".first_name", e.FirstName, a.FirstName);
        Text(d, path + ".last_name", e.LastName, a.LastName);
        Text(d, path + ".email", e.Email, a.Email);
        Text(d, path + ".phone", e.Phone, a.Phone);
        Text(d, path + ".linkedin_url", e.LinkedinUrl, a.LinkedinUrl);
        Text(d, path + ".github_url", e.GithubUrl, a.GithubUrl);
        Text(d, path + ".portfolio_url", e.PortfolioUrl, a.PortfolioUrl);
        Text(d, path + ".address", e.Address, a.Address);
        Text(d, path + ".city", e.City, a.City);
        Text(d, path + ".state", e.State, a.State);
        Text(d, path + ".zip_code", e.ZipCode, a.ZipCode);
        Text(d, path + ".country", e.Country, a.Country);
        Extra(d, path, e.AdditionalProperties, a.AdditionalProperties);
    }

    private static void Education(List<string> d, string path, Education e, Education a)
    {
        Text(d, path + ".institution", e.Institution, a.Institution);
        Text(d, path + ".degree", e.Degree, a.Degree);
        Text(d, path + ".field_of_study", e.FieldOfStudy, a.FieldOfStudy);
        Text(d, path + ".start_date", e.StartDate, a.StartDate);
        Text(d, path + ".end_date", e.EndDate, a.EndDate);
        if (e.Gpa.HasValue != a.Gpa.HasValue || (e.Gpa.HasValue && BitConverter.DoubleToInt64Bits(e.Gpa!.Value) != BitConverter.DoubleToInt64Bits(a.Gpa!.Value)))
        {
            d.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.gpa: {e.Gpa:R} != {a.Gpa:R}"));
        }

        Texts(d, path + ".honors", e.Honors, a.Honors);
        Texts(d, path + ".relevant_coursework", e.RelevantCoursework, a.RelevantCoursework);
        Extra(d, path, e.AdditionalProperties, a.AdditionalProperties);
    }

    private static void Work(List<string> d, string path, WorkExperience e, WorkExperience a)
    {
        Text(d, path + ".company", e.Company, a.Company);
        Text(d, path + ".position", e.Position, a.Position);
        Text(d, path + ".start_date", e.StartDate, a.StartDate);
        Text(d, path + ".end_date", e.EndDate, a.EndDate);
        Text(d, path + ".location", e.Location, a.Location);
        Texts(d, path + ".responsibilities", e.Responsibilities, a.Responsibilities);
        Texts(d, path + ".achievements", e.Achievements, a.Achievements);
        Texts(d, path + ".technologies", e.Technologies, a.Technologies);
        Extra(d, path, e.AdditionalProperties, a.AdditionalProperties);
    }

    private static void Project(List<string> d, string path, Project e, Project a)
    {
        Text(d, path + ".name", e.Name, a.Name);
        Text(d, path + ".description", e.Description, a.Description);
        Text(d, path + ".start_date", e.StartDate, a.StartDate);
        Text(d, path + ".end_date", e.EndDate, a.EndDate);
        Text(d, path + ".url", e.Url, a.Url);
        Texts(d, path + ".technologies", e.Technologies, a.Technologies);
        Texts(d, path + ".highlights", e.Highlights, a.Highlights);
        Extra(d, path, e.AdditionalProperties, a.AdditionalProperties);
    }

    private static void Certification(List<string> d, string path, Certification e, Certification a)
    {
        Text(d, path + ".name", e.Name, a.Name);
        Text(d, path + ".issuer", e.Issuer, a.Issuer);
        Text(d, path + ".date_obtained", e.DateObtained, a.DateObtained);
        Text(d, path + ".expiration_date", e.ExpirationDate, a.ExpirationDate);
        Text(d, path + ".credential_id", e.CredentialId, a.CredentialId);
        Text(d, path + ".url", e.Url, a.Url);
        Extra(d, path, e.AdditionalProperties, a.AdditionalProperties);
    }

    private static void Text(List<string> d, string path, string? e, string? a)
    {
        if (!string.Equals(e, a, StringComparison.Ordinal))
        {
            d.Add($"{path}: {Show(e)} != {Show(a)}");
        }
    }

    private static void Texts(List<string> d, string path, List<string> e, List<string> a) =>
        List(d, path, e, a, (p, x, y) => Text(d, p, x, y));

    private static void List<T>(List<string> d, string path, List<T> e, List<T> a, Action<string, T, T> item)
    {
        if (e is null || a is null)
        {
            d.Add($"{path}: a list is null ({e is null}, {a is null})");
            return;
        }

        if (e.Count != a.Count)
        {
            d.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {e.Count} items != {a.Count} items"));
            return;
        }

        for (var i = 0; i < e.Count; i++)
        {
            item(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), e[i], a[i]);
        }
    }

    private static void Nullable<T>(List<string> d, string path, T? e, T? a, Action<List<string>, string, T, T> compare)
        where T : class
    {
        if (e is null || a is null)
        {
            if (e is not null || a is not null)
            {
                d.Add($"{path}: null != object ({e is null}, {a is null})");
            }

            return;
        }

        compare(d, path, e, a);
    }

    private static void Extra(List<string> d, string path, Dictionary<string, JsonElement>? e, Dictionary<string, JsonElement>? a)
    {
        if (e is null || a is null)
        {
            if (e is not null || a is not null)
            {
                d.Add($"{path}.additional_properties: null != dictionary ({e is null}, {a is null})");
            }

            return;
        }

        var expected = e.ToList();
        var actual = a.ToList();
        if (!expected.Select(p => p.Key).SequenceEqual(actual.Select(p => p.Key), StringComparer.Ordinal))
        {
            d.Add($"{path}.additional_properties: keys [{string.Join(", ", expected.Select(p => Show(p.Key)))}] != [{string.Join(", ", actual.Select(p => Show(p.Key)))}]");
            return;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var (x, y) = (expected[i].Value, actual[i].Value);
            // Raw bytes, not GetRawText: the serializer keeps an unknown value's bytes even when they are not valid UTF-8.
            if (x.ValueKind != y.ValueKind || !JsonMarshal.GetRawUtf8Value(x).SequenceEqual(JsonMarshal.GetRawUtf8Value(y)))
            {
                d.Add($"{path}.{expected[i].Key}: {x.ValueKind} {Raw(x)} != {y.ValueKind} {Raw(y)}");
            }
        }
    }

    private static string Raw(JsonElement element) => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element));

    private static string Show(string? text) => text is null ? "null" : JsonSerializer.Serialize(text);
}
