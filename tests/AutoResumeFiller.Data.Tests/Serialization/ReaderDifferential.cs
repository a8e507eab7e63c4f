using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Tests.Serialization.Fixtures;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The oracle of the differential tests: runs one input through System.Text.Json with <see cref="ProfileJsonContext.Default"/>,
/// through <see cref="ProfileJsonReader"/> and through <see cref="UserProfileSerializer.Deserialize"/>, and says what
/// differs. The fast path may decline; when it accepts, its profile must equal System.Text.Json's, and Deserialize must
/// give System.Text.Json's profile or error message either way.
/// </summary>
internal static class ReaderDifferential
{
    private const string NullRootMessage = "Failed to parse user_profile.json: The file contains 'null' instead of a profile object. Path: $ | LineNumber: 0 | BytePositionInLine: 0.";

    private static readonly JsonSerializerOptions CompactEscaped = new(ProfileJsonContext.Default.Options) { WriteIndented = false };

    private static readonly JsonSerializerOptions CompactRelaxed = new(ProfileJsonContext.Writer.Options) { WriteIndented = false };

    /// <summary>The ordinary inputs by name: files this library, the Python app and compact writers write.</summary>
    public static readonly string[] OrdinaryInputs =
    [
        "new", "valid", "valid-compact", "valid-escaped", "python", "python-crlf", "python-app", "python-app-backup-1", "python-app-backup-2",
        "python-app-export", "python-escaped-19kb", "education-only", "work-only", "project-only", "certification-only", "personal-info-only",
    ];

    /// <summary>Returns what went wrong for <paramref name="input"/>, or null; <paramref name="mustAccept"/> forbids declining.</summary>
    public static string? Check(byte[] input, bool mustAccept)
    {
        UserProfile? expected = null;
        Exception? error = null;
        try
        {
            expected = JsonSerializer.Deserialize(input, ProfileJsonContext.Default.UserProfile);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = ex;
        }

        var accepted = ProfileJsonReader.TryRead(input, out var actual);
        if (accepted != (actual is not null))
        {
            return $"TryRead returned {accepted} with profile {actual}";
        }

        if (expected is null && accepted)
        {
            return $"the fast path read what the serializer refuses: {error?.Message ?? "null root"}";
        }

        if (expected is not null && accepted && Differences(expected, actual!) is { } difference)
        {
            return "the fast path's profile differs: " + difference;
        }

        if (expected is not null && !accepted && mustAccept)
        {
            return "the fast path declined an ordinary file";
        }

        return CheckDeserialize(input, expected, error);
    }

    /// <summary>Whether System.Text.Json refuses <paramref name="input"/> (an error or a null root).</summary>
    public static bool SerializerRefuses(byte[] input)
    {
        try
        {
            return JsonSerializer.Deserialize(input, ProfileJsonContext.Default.UserProfile) is null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true;
        }
    }

    /// <summary>The input named <paramref name="name"/> (see <see cref="OrdinaryInputs"/>, plus <c>random</c>).</summary>
    public static byte[] Input(string name) => name switch
    {
        "new" => UserProfileSerializer.Serialize(new UserProfile()),
        "valid" => UserProfileSerializer.Serialize(Profiles.Valid()),
        "valid-compact" => Compact(Profiles.Valid(), CompactRelaxed),
        "valid-escaped" => Compact(Profiles.Valid(), CompactEscaped),
        "python" => Encoding.UTF8.GetBytes(PythonProfileFixture.Json),
        "python-crlf" => Encoding.UTF8.GetBytes(PythonProfileFixture.Json.ReplaceLineEndings("\r\n")),
        "python-app" => PythonApp.LegacyProfile(),
        "python-app-backup-1" => PythonApp.LegacyFiles().Where(f => f.Key.StartsWith("backups/", StringComparison.Ordinal)).First().Value,
        "python-app-backup-2" => PythonApp.LegacyFiles().Where(f => f.Key.StartsWith("backups/", StringComparison.Ordinal)).Last().Value,
        "python-app-export" => ExportedProfile(),
        "python-escaped-19kb" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Serialization", "Fixtures", "python-escaped-19kb.json")),
        "education-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidEducation())),
        "work-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidWork())),
        "project-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidProject())),
        "certification-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidCertification())),
        "personal-info-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidPersonalInfo())),
        "random" => UserProfileSerializer.Serialize(new ValidRandomProfiles(seed: 99).Next()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary><paramref name="profile"/> written without indentation, non-ASCII as is (<paramref name="relaxed"/>) or <c>\u</c>-escaped.</summary>
    public static byte[] Compact(UserProfile profile, bool relaxed) => Compact(profile, relaxed ? CompactRelaxed : CompactEscaped);

    public static string Show(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= 400 ? text : text[..400] + "…";
    }

    private static byte[] Compact(UserProfile profile, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(profile, options.GetTypeInfo(typeof(UserProfile)));

    private static byte[] ExportedProfile()
    {
        using var zip = new ZipArchive(new MemoryStream(PythonApp.ExportZip()), ZipArchiveMode.Read);
        using var entry = zip.GetEntry("data/user_profile.json")!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }

    private static string? CheckDeserialize(byte[] input, UserProfile? expected, Exception? error)
    {
        var isUtf8 = Utf8.IsValid(input);
        try
        {
            var profile = UserProfileSerializer.Deserialize(input);
            return expected is null || !isUtf8 ? "Deserialize accepted a refused file"
                : Differences(expected, profile) is { } difference ? "Deserialize's profile differs: " + difference
                : null;
        }
        catch (ProfileCorruptedException ex)
        {
            var want = !isUtf8 ? null : error is not null ? UserProfileSerializer.ParseErrorMessage(error) : expected is null ? NullRootMessage : "no error";
            return want is null
                ? ex.Message.StartsWith("Failed to parse user_profile.json: The file is not valid UTF-8: ", StringComparison.Ordinal) ? null : "unexpected message " + ex.Message
                : ex.Message == want ? null : $"Deserialize's message '{ex.Message}' is not '{want}'";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return error is not null && ex.GetType() == error.GetType() && ex.Message == error.Message ? null : $"Deserialize threw {ex.GetType().Name}: {ex.Message}";
        }
    }

    // Field by field (ProfileDifferences), then the written forms, which would show any field the comparison missed.
    private static string? Differences(UserProfile expected, UserProfile actual)
    {
        var differences = ProfileDifferences.Between(expected, actual);
        if (differences.Count > 0)
        {
            return string.Join("; ", differences.Take(5));
        }

        var (x, y) = (Written(expected), Written(actual));
        return x == y ? null : $"written forms differ: {x} != {y}";
    }

    private static string Written(UserProfile profile)
    {
        try
        {
            return Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
