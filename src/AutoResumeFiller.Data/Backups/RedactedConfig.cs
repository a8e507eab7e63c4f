using System.Text;
using System.Text.RegularExpressions;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// Recognises a <c>config.yaml</c> whose secrets were redacted on export (the Python app writes the header
/// <c># API keys redacted for security</c> and replaces each key with <c>**REDACTED**</c>; <c>***REDACTED***</c> is seen
/// too). Such a file must never replace a working one: its keys are gone.
/// </summary>
internal static partial class RedactedConfig
{
    public const string Header = "# API keys redacted for security";

    /// <summary>Config files are small; a larger entry is not read for this check (and is not one the exporter redacted).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Whether the UTF-8 content of a <c>config.yaml</c> is redacted.</summary>
    public static bool IsRedacted(ReadOnlySpan<byte> utf8Yaml) => IsRedacted(Encoding.UTF8.GetString(utf8Yaml));

    private static bool IsRedacted(string yaml) =>
        yaml.Split('\n').Any(line => line.Trim() == Header) || RedactedValue().IsMatch(yaml);

    // A YAML value (after "key:" or "- ") that is only the marker, quoted or not, perhaps followed by a comment.
    [GeneratedRegex(@"(?:^|:|-)[ \t]*(['""]?)\*{2,3}REDACTED\*{2,3}\1[ \t]*(?:#.*)?\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RedactedValue();
}
