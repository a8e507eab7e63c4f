using System.IO.Abstractions;

namespace AutoResumeFiller.Data.Backups;

/// <summary>Which entry names a backup may hold, and how they map to the data directory.</summary>
internal static class BackupEntryNames
{
    public const string AutoProfile = "user_profile.json";
    public const string FullProfile = "data/user_profile.json";
    public const string Config = "config.yaml";
    public const string ResumesPrefix = "resumes/";
    public const string CoverLettersPrefix = "cover_letters/";
    public const int MaxNameLength = 1024;

    public static string ProfileEntry(BackupKind kind) => kind == BackupKind.Auto ? AutoProfile : FullProfile;

    /// <summary>The profile's entry in a backup of <paramref name="kind"/> whose profile file is encrypted: the name ends in <c>.enc</c>.</summary>
    public static string ProfileEntry(BackupKind kind, bool encrypted) => ProfileEntry(kind) + (encrypted ? Encryption.DataEncryption.Suffix : "");

    /// <summary>Whether <paramref name="name"/> is the profile of a backup of <paramref name="kind"/>, plaintext or encrypted.</summary>
    public static bool IsProfile(string name, BackupKind kind) =>
        name == ProfileEntry(kind) || name == ProfileEntry(kind, encrypted: true);

    /// <summary>Whether <paramref name="name"/> is relative, uses <c>/</c>, and has no empty, <c>.</c>, <c>..</c>, drive or control-character parts.</summary>
    public static bool IsSafe(string name) => WhyUnsafe(name) is null;

    /// <summary>Why a backup cannot hold an entry named <paramref name="name"/>, in the user's terms; null when it can.</summary>
    /// <remarks>
    /// Every name in a backup must restore to the same file on every system, and verification refuses any other name as
    /// hostile. Some of these names are legal for a file on Linux and macOS (<c>CV 10:30.pdf</c>), so a file in
    /// <c>resumes/</c> can have a name no backup holds: backups leave it out and restores leave it in place.
    /// </remarks>
    public static string? WhyUnsafe(string name)
    {
        if (name.Length == 0)
        {
            return "the name is empty";
        }

        if (name.Length > MaxNameLength)
        {
            return "the name is longer than 1024 characters";
        }

        if (name[0] == '/')
        {
            return "the name is an absolute path";
        }

        foreach (var c in name)
        {
            if (c is '\\' or ':')
            {
                return $"the name contains '{c}'";
            }

            if (char.IsControl(c))
            {
                return "the name contains a control character";
            }
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return "the name has an empty, '.' or '..' part";
            }

            if (segment.EndsWith(' ') || segment.EndsWith('.'))
            {
                return $"'{segment}' ends in {(segment.EndsWith(' ') ? "a space" : "'.'")}";
            }
        }

        return null;
    }

    /// <summary>
    /// The entry name of <paramref name="file"/> in <paramref name="folder"/>, whose entries start with <paramref name="prefix"/>:
    /// its relative path with this system's separator written as <c>/</c>. Only the separator: a <c>\</c> in a Linux or macOS
    /// file name stays as it is (an unsafe name) rather than turning the file into a folder and a file of another name.
    /// </summary>
    public static string OfFile(IPath path, string folder, string prefix, string file) =>
        prefix + path.GetRelativePath(folder, file).Replace(path.DirectorySeparatorChar, '/');

    /// <summary><paramref name="name"/> fit to show in a message or a log: control characters as <c>?</c> (a newline in a file name must not forge a log line).</summary>
    public static string Printable(string name) => new([.. name.Select(c => char.IsControl(c) ? '?' : c)]);

    /// <summary><see cref="Printable"/>, cut at 120 characters, for names read from an archive that may be hostile.</summary>
    public static string Shown(string name)
    {
        var clean = Printable(name);
        return clean.Length > 120 ? clean[..120] + "…" : clean;
    }

    /// <summary>Whether a file entry belongs in a backup of <paramref name="kind"/>.</summary>
    public static bool IsAllowed(string name, BackupKind kind) => kind == BackupKind.Auto
        ? IsProfile(name, kind)
        : IsProfile(name, kind) || name == Config
            || (name.StartsWith(ResumesPrefix, StringComparison.Ordinal) && name.Length > ResumesPrefix.Length)
            || (name.StartsWith(CoverLettersPrefix, StringComparison.Ordinal) && name.Length > CoverLettersPrefix.Length);

    /// <summary>Whether the file's content is already compressed, so deflating it again would cost time for no gain.</summary>
    public static bool IsAlreadyCompressed(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot >= 0 && CompressedExtensions.Contains(name[(dot + 1)..]);
    }

    private static readonly HashSet<string> CompressedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub",
        "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar",
        "png", "jpg", "jpeg", "gif", "webp", "heic", "avif",
        "mp3", "mp4", "m4a", "mov", "webm", "ogg",
    };
}
