using System.Globalization;

namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>A readable summary of a profile: contact details, then each section with its entries.</summary>
internal static class ProfileView
{
    public static void Write(Terminal terminal, UserProfile profile)
    {
        if (profile.PersonalInfo is { } info)
        {
            terminal.Heading($"{info.FirstName} {info.LastName}");
            terminal.Line($"  Email:     {info.Email}");
            Optional(terminal, "Phone:", info.Phone);
            Optional(terminal, "Location:", Join(", ", info.City, info.State, info.Country));
            Optional(terminal, "LinkedIn:", info.LinkedinUrl);
            Optional(terminal, "GitHub:", info.GithubUrl);
            Optional(terminal, "Portfolio:", info.PortfolioUrl);
        }
        else
        {
            terminal.Heading("(no personal information yet)");
            terminal.Line("  Import a profile with 'arf-data import FILE', or see 'arf-data demo'.");
        }

        if (!string.IsNullOrWhiteSpace(profile.Summary))
        {
            terminal.Line();
            terminal.Heading("Summary");
            terminal.Line($"  {profile.Summary}");
        }

        Section(terminal, "Work experience", profile.WorkExperience, w => $"{w.Position} at {w.Company} ({Dates(w.StartDate, w.EndDate)})");
        Section(terminal, "Education", profile.Education, e => $"{e.Degree}, {e.FieldOfStudy}, {e.Institution} ({Dates(e.StartDate, e.EndDate)})");
        Section(terminal, "Projects", profile.Projects, p => p.Url is null ? p.Name : $"{p.Name} <{p.Url}>");
        Section(terminal, "Certifications", profile.Certifications, c => $"{c.Name}, {c.Issuer} ({c.DateObtained})");
        terminal.Line();
        terminal.Heading($"Skills ({profile.Skills.Count})");
        terminal.Line(profile.Skills.Count == 0 ? "  (none)" : "  " + string.Join(", ", profile.Skills));
        terminal.Line();
        terminal.Line(terminal.Paint(string.Create(CultureInfo.InvariantCulture, $"Last updated: {profile.LastUpdated:yyyy-MM-dd HH:mm:ss} UTC"), Style.Dim));
    }

    /// <summary>One line for listings: name and the size of each section.</summary>
    public static string OneLine(UserProfile profile)
    {
        var who = profile.PersonalInfo is { } info ? $"{info.FirstName} {info.LastName}" : "(no personal information)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{who}: {profile.WorkExperience.Count} jobs, {profile.Education.Count} education, {profile.Skills.Count} skills, {profile.Projects.Count} projects, {profile.Certifications.Count} certifications");
    }

    private static void Section<T>(Terminal terminal, string title, List<T> items, Func<T, string> describe)
    {
        terminal.Line();
        terminal.Heading(string.Create(CultureInfo.InvariantCulture, $"{title} ({items.Count})"));
        if (items.Count == 0)
        {
            terminal.Line("  (none)");
        }

        foreach (var item in items)
        {
            terminal.Line($"  - {describe(item)}");
        }
    }

    private static void Optional(Terminal terminal, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            terminal.Line($"  {label,-10} {value}");
        }
    }

    private static string Dates(string? start, string? end) => $"{start} - {(string.IsNullOrEmpty(end) ? "?" : end)}";

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
