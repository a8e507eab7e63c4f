namespace AutoResumeFiller.Data.Backups;

/// <summary>Which entry names a backup may hold, and how they map to the data directory.</summary>
internal static class BackupEntryNames
{
    public const string AutoProfile = "user_profile.json";
    public const string FullProfile = "data/user_profile.json";
    public const string Config = "config.yaml";
    public const string ResumesPrefix = "resumes/";
    public const string CoverLettersPrefix = "cover_letters/";

    public static string ProfileEntry(BackupKind kind) => kind == BackupKind.Auto ? AutoProfile : FullProfile;

    /// <summary>The profile's entry in a backup of <paramref name="kind"/> whose profile file is encrypted: the name ends in <c>.enc</c>.</summary>
    public static string ProfileEntry(BackupKind kind, bool encrypted) => ProfileEntry(kind) + (encrypted ? Encryption.DataEncryption.Suffix : "");

    /// <summary>Whether <paramref name="name"/> is the profile of a backup of <paramref name="kind"/>, plaintext or encrypted.</summary>
    public static bool IsProfile(string name, BackupKind kind) =>
        name == ProfileEntry(kind) || name == ProfileEntry(kind, encrypted: true);

    /// <summary>Whether <paramref name="name"/> is relative, uses <c>/</c>, and has no empty, <c>.</c>, <c>..</c>, drive or control-character parts.</summary>
    public static bool IsSafe(string name)
    {
        if (name.Length is 0 or > 1024 || name[0] == '/' || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment is "" or "." or ".." || segment.EndsWith(' ') || segment.EndsWith('.'))
            {
                return false;
            }
        }

        return true;
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
