using System.Globalization;

namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>Describes, for a person, what a legacy import did (or, in a preview, would do).</summary>
internal static class LegacyImportView
{
    public static void Write(Terminal terminal, LegacyImportResult result)
    {
        var preview = result.IsPreview;
        terminal.Line($"  profile:   {ProfileLine(result.Profile, preview)}");
        terminal.Line($"  backups:   {Count(result.BackupsImported.Count, preview ? "to import" : "imported")}{Also(result.BackupsAlreadyImported, "already imported")}{Also(result.BackupsSkipped.Count, "skipped")}");
        foreach (var name in result.BackupsImported)
        {
            terminal.Line($"             {(preview ? "+" : "✓")} {name}");
        }

        foreach (var skipped in result.BackupsSkipped)
        {
            terminal.Line(terminal.Paint($"             - skipped {skipped}", Style.Yellow));
        }

        terminal.Line($"  files:     {Count(result.FilesCopied.Count, preview ? "to copy" : "copied")}{Also(result.FilesAlreadyPresent, "already here")}{Also(result.FilesKept.Count, "kept as yours (never replaced)")}{Also(result.FilesSkipped.Count, "skipped")}");
        foreach (var file in result.FilesCopied)
        {
            terminal.Line($"             {(preview ? "+" : "✓")} {file}");
        }

        foreach (var file in result.FilesKept)
        {
            terminal.Line(terminal.Paint($"             = {file} (yours differs; the Python app's copy stays in {result.LegacyDirectory})", Style.Dim));
        }

        foreach (var file in result.FilesSkipped)
        {
            terminal.Line(terminal.Paint($"             - skipped {file}: no backup could hold that name; rename it in {result.LegacyDirectory}, then migrate again", Style.Yellow));
        }
    }

    /// <summary>One line for <c>init</c> and <c>show</c>.</summary>
    public static string OneLine(LegacyImportResult result) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Imported your data from the Python app ({result.LegacyDirectory}): profile {ProfileLine(result.Profile, false)}; {result.BackupsImported.Count} backups, {result.FilesCopied.Count} files. Its folder was left as it was.{SkippedNote(result)}");

    private static string SkippedNote(LegacyImportResult result) => result.FilesSkipped.Count == 0
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $" {result.FilesSkipped.Count} files were not copied because no backup could hold their names: 'arf-data migrate --dry-run' lists them.");

    private static string ProfileLine(LegacyProfileOutcome outcome, bool preview) => outcome switch
    {
        LegacyProfileOutcome.Imported => preview ? "will be imported" : "imported",
        LegacyProfileOutcome.AlreadyImported => "already imported",
        _ => "yours is kept (it already has content; the Python app's stays in its folder)",
    };

    private static string Count(int count, string what) => string.Create(CultureInfo.InvariantCulture, $"{count} {what}");

    private static string Also(int count, string what) => count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {count} {what}");
}
