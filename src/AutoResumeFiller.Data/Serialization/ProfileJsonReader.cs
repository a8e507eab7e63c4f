using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// The fast path of <see cref="UserProfileSerializer.Deserialize"/>: one forward <see cref="Utf8JsonReader"/> pass
/// that builds the models directly, with the result System.Text.Json gives for the same bytes with
/// <see cref="ProfileJsonContext.Default"/>.
/// </summary>
/// <remarks>
/// It only accepts input it fully understands. On anything unusual (a token of an unexpected type, a duplicate
/// property, a bad timestamp, a reader error, trailing content) it returns <see langword="false"/> and the caller
/// runs System.Text.Json, which gives the authoritative result or error message. Thread-safe: stateless.
/// </remarks>
internal static class ProfileJsonReader
{
    // A known name escaped in full (\uXXXX for each byte) is at most 6 times its length (19 bytes): longer escaped names are unknown.
    private const int MaxEscapedKnownName = 128;

    // Known property names per model, in declaration order (the order files are written in, so the next one is tried first).
    // A test checks them against the source-generated metadata.
    internal static readonly byte[][] ProfileNames = Names("version", "personal_info", "summary", "education", "work_experience", "skills", "projects", "certifications", "last_updated");
    internal static readonly byte[][] PersonalInfoNames = Names("first_name", "last_name", "email", "phone", "linkedin_url", "github_url", "portfolio_url", "address", "city", "state", "zip_code", "country");
    internal static readonly byte[][] EducationNames = Names("institution", "degree", "field_of_study", "start_date", "end_date", "gpa", "honors", "relevant_coursework");
    internal static readonly byte[][] WorkExperienceNames = Names("company", "position", "start_date", "end_date", "location", "responsibilities", "achievements", "technologies");
    internal static readonly byte[][] ProjectNames = Names("name", "description", "start_date", "end_date", "url", "technologies", "highlights");
    internal static readonly byte[][] CertificationNames = Names("name", "issuer", "date_obtained", "expiration_date", "credential_id", "url");

    /// <summary>Gets the reader options System.Text.Json reads with under <see cref="ProfileJsonContext.Default"/>.</summary>
    internal static JsonReaderOptions ReaderOptions { get; } = CreateReaderOptions(ProfileJsonContext.Default.Options);

    private delegate bool ItemReader<T>(ref Utf8JsonReader reader, out T? item);

    private delegate bool PropertyReader<in T>(ref Utf8JsonReader reader, T target, int index);

    /// <summary>Reads <paramref name="utf8Json"/> as a profile if it is ordinary input.</summary>
    /// <returns><see langword="true"/> with the profile System.Text.Json would give; <see langword="false"/> when System.Text.Json must decide.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out UserProfile? profile)
    {
        profile = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (Next(ref reader) != JsonTokenType.StartObject || !TryReadProfile(ref reader, out var result) || reader.Read())
            {
                return false;
            }

            profile = result;
            return true;
        }
#pragma warning disable CA1031 // Any failure, whatever its type, hands the input to System.Text.Json, which reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static bool TryReadProfile(ref Utf8JsonReader reader, out UserProfile? profile) =>
        TryReadObject(ref reader, ProfileNames, ReadProfileProperty, static (p, extra) => p.AdditionalProperties = extra, out profile);

    private static bool TryReadPersonalInfo(ref Utf8JsonReader reader, out PersonalInfo? info) =>
        TryReadObject(ref reader, PersonalInfoNames, ReadPersonalInfoProperty, static (p, extra) => p.AdditionalProperties = extra, out info);

    private static bool TryReadEducation(ref Utf8JsonReader reader, out Education? education) =>
        TryReadObject(ref reader, EducationNames, ReadEducationProperty, static (e, extra) => e.AdditionalProperties = extra, out education);

    private static bool TryReadWorkExperience(ref Utf8JsonReader reader, out WorkExperience? work) =>
        TryReadObject(ref reader, WorkExperienceNames, ReadWorkExperienceProperty, static (w, extra) => w.AdditionalProperties = extra, out work);

    private static bool TryReadProject(ref Utf8JsonReader reader, out Project? project) =>
        TryReadObject(ref reader, ProjectNames, ReadProjectProperty, static (p, extra) => p.AdditionalProperties = extra, out project);

    private static bool TryReadCertification(ref Utf8JsonReader reader, out Certification? certification) =>
        TryReadObject(ref reader, CertificationNames, ReadCertificationProperty, static (c, extra) => c.AdditionalProperties = extra, out certification);

    /// <summary>
    /// Reads the object (or <c>null</c>) the reader is on: each known property (the next one in declaration order is tried
    /// first) goes to <paramref name="readProperty"/> with its index in <paramref name="names"/>, unknown ones to the
    /// extension data. False on anything System.Text.Json must decide: a duplicate, a token of an unexpected type.
    /// </summary>
    private static bool TryReadObject<T>(ref Utf8JsonReader reader, byte[][] names, PropertyReader<T> readProperty, Action<T, Dictionary<string, JsonElement>?> setExtensionData, out T? value)
        where T : class, new()
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var result = new T();
        Dictionary<string, JsonElement>? extra = null;
        var seen = 0;
        var expected = 0;
        JsonTokenType token;
        while ((token = Next(ref reader)) != JsonTokenType.EndObject)
        {
            if (token != JsonTokenType.PropertyName)
            {
                return false;
            }

            var index = IndexOf(ref reader, names, expected);
            if (index < 0)
            {
                if (!TryReadUnknown(ref reader, ref extra))
                {
                    return false;
                }

                continue;
            }

            if (!MarkSeen(ref seen, index))
            {
                return false;
            }

            expected = index + 1;
            reader.Read();
            if (!readProperty(ref reader, result, index))
            {
                return false;
            }
        }

        setExtensionData(result, extra);
        value = result;
        return true;
    }

    private static bool ReadProfileProperty(ref Utf8JsonReader reader, UserProfile result, int index)
    {
        bool ok;
        switch (index)
        {
            case 0: ok = TryReadString(ref reader, out var version); result.Version = version!; break;
            case 1: ok = TryReadPersonalInfo(ref reader, out var info); result.PersonalInfo = info; break;
            case 2: ok = TryReadString(ref reader, out var summary); result.Summary = summary; break;
            case 3: ok = TryReadList<Education>(ref reader, TryReadEducation, out var education); result.Education = education!; break;
            case 4: ok = TryReadList<WorkExperience>(ref reader, TryReadWorkExperience, out var work); result.WorkExperience = work!; break;
            case 5: ok = TryReadStrings(ref reader, out var skills); result.Skills = skills!; break;
            case 6: ok = TryReadList<Project>(ref reader, TryReadProject, out var projects); result.Projects = projects!; break;
            case 7: ok = TryReadList<Certification>(ref reader, TryReadCertification, out var certifications); result.Certifications = certifications!; break;
            default: ok = TryReadTimestamp(ref reader, out var lastUpdated); result.LastUpdated = lastUpdated; break;
        }

        return ok;
    }

    private static bool ReadPersonalInfoProperty(ref Utf8JsonReader reader, PersonalInfo result, int index)
    {
        if (!TryReadString(ref reader, out var value))
        {
            return false;
        }

        switch (index)
        {
            case 0: result.FirstName = value!; break;
            case 1: result.LastName = value!; break;
            case 2: result.Email = value!; break;
            case 3: result.Phone = value; break;
            case 4: result.LinkedinUrl = value; break;
            case 5: result.GithubUrl = value; break;
            case 6: result.PortfolioUrl = value; break;
            case 7: result.Address = value; break;
            case 8: result.City = value; break;
            case 9: result.State = value; break;
            case 10: result.ZipCode = value; break;
            default: result.Country = value; break;
        }

        return true;
    }

    private static bool ReadEducationProperty(ref Utf8JsonReader reader, Education result, int index)
    {
        bool ok;
        switch (index)
        {
            case 0: ok = TryReadString(ref reader, out var institution); result.Institution = institution!; break;
            case 1: ok = TryReadString(ref reader, out var degree); result.Degree = degree!; break;
            case 2: ok = TryReadString(ref reader, out var field); result.FieldOfStudy = field!; break;
            case 3: ok = TryReadString(ref reader, out var start); result.StartDate = start!; break;
            case 4: ok = TryReadString(ref reader, out var end); result.EndDate = end; break;
            case 5: ok = TryReadDouble(ref reader, out var gpa); result.Gpa = gpa; break;
            case 6: ok = TryReadStrings(ref reader, out var honors); result.Honors = honors!; break;
            default: ok = TryReadStrings(ref reader, out var coursework); result.RelevantCoursework = coursework!; break;
        }

        return ok;
    }

    private static bool ReadWorkExperienceProperty(ref Utf8JsonReader reader, WorkExperience result, int index)
    {
        bool ok;
        switch (index)
        {
            case 0: ok = TryReadString(ref reader, out var company); result.Company = company!; break;
            case 1: ok = TryReadString(ref reader, out var position); result.Position = position!; break;
            case 2: ok = TryReadString(ref reader, out var start); result.StartDate = start!; break;
            case 3: ok = TryReadString(ref reader, out var end); result.EndDate = end; break;
            case 4: ok = TryReadString(ref reader, out var location); result.Location = location; break;
            case 5: ok = TryReadStrings(ref reader, out var responsibilities); result.Responsibilities = responsibilities!; break;
            case 6: ok = TryReadStrings(ref reader, out var achievements); result.Achievements = achievements!; break;
            default: ok = TryReadStrings(ref reader, out var technologies); result.Technologies = technologies!; break;
        }

        return ok;
    }

    private static bool ReadProjectProperty(ref Utf8JsonReader reader, Project result, int index)
    {
        bool ok;
        switch (index)
        {
            case 0: ok = TryReadString(ref reader, out var name); result.Name = name!; break;
            case 1: ok = TryReadString(ref reader, out var description); result.Description = description!; break;
            case 2: ok = TryReadString(ref reader, out var start); result.StartDate = start; break;
            case 3: ok = TryReadString(ref reader, out var end); result.EndDate = end; break;
            case 4: ok = TryReadString(ref reader, out var url); result.Url = url; break;
            case 5: ok = TryReadStrings(ref reader, out var technologies); result.Technologies = technologies!; break;
            default: ok = TryReadStrings(ref reader, out var highlights); result.Highlights = highlights!; break;
        }

        return ok;
    }

    private static bool ReadCertificationProperty(ref Utf8JsonReader reader, Certification result, int index)
    {
        if (!TryReadString(ref reader, out var value))
        {
            return false;
        }

        switch (index)
        {
            case 0: result.Name = value!; break;
            case 1: result.Issuer = value!; break;
            case 2: result.DateObtained = value!; break;
            case 3: result.ExpirationDate = value; break;
            case 4: result.CredentialId = value; break;
            default: result.Url = value; break;
        }

        return true;
    }

    private static bool TryReadList<T>(ref Utf8JsonReader reader, ItemReader<T> readItem, out List<T>? list)
        where T : class
    {
        list = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var items = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (!readItem(ref reader, out var item))
            {
                return false;
            }

            items.Add(item!);
        }

        list = items;
        return true;
    }

    private static bool TryReadStrings(ref Utf8JsonReader reader, out List<string>? list)
    {
        list = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TokenType == JsonTokenType.Null;
        }

        var items = new List<string>();
        JsonTokenType token;
        while ((token = Next(ref reader)) != JsonTokenType.EndArray)
        {
            if (token == JsonTokenType.String)
            {
                items.Add(GetString(ref reader));
            }
            else if (token == JsonTokenType.Null)
            {
                items.Add(null!);
            }
            else
            {
                return false;
            }
        }

        list = items;
        return true;
    }

    // System.Text.Json sets null for a JSON null even on a non-nullable string property; validation reports it.
    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = GetString(ref reader);
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    // reader.GetString() checks and transcodes UTF-8 in two passes; an unescaped ASCII value (nearly all of a profile)
    // needs one check and a widening copy. Anything else, an invalid byte included, keeps the reader's own result or error.
    private static string GetString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && Ascii.IsValid(reader.ValueSpan))
        {
            return string.Create(reader.ValueSpan.Length, reader.ValueSpan, static (chars, bytes) => Ascii.ToUtf16(bytes, chars, out _));
        }

        return reader.GetString()!;
    }

    // The call System.Text.Json's double converter makes under JsonNumberHandling.Strict (1e400 reads as infinity).
    private static bool TryReadDouble(ref Utf8JsonReader reader, out double? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                value = reader.GetDouble();
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    private static bool TryReadTimestamp(ref Utf8JsonReader reader, out DateTime value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && UtcDateTimeConverter.TryParseTimestamp(reader.GetString(), out value);
    }

    // An unknown property goes to the extension data, kept as a JsonElement. System.Text.Json refuses a second unknown
    // property of the same (unescaped) name and, with AllowDuplicateProperties off, a duplicate anywhere inside the value.
    private static bool TryReadUnknown(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extra)
    {
        var name = reader.GetString()!;
        reader.Read();
        var value = JsonElement.ParseValue(ref reader);
        if (!HasUniquePropertyNames(value))
        {
            return false;
        }

        extra ??= [];
        return extra.TryAdd(name, value);
    }

    private static bool HasUniquePropertyNames(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? names = null;
                foreach (var property in value.EnumerateObject())
                {
                    names ??= new(StringComparer.Ordinal);
                    if (!names.Add(property.Name) || !HasUniquePropertyNames(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (!HasUniquePropertyNames(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    // The index of the current property name among names, after unescaping as System.Text.Json does; -1 if unknown.
    private static int IndexOf(ref Utf8JsonReader reader, byte[][] names, int expected)
    {
        if (!reader.ValueIsEscaped)
        {
            return IndexOf(reader.ValueSpan, names, expected);
        }

        if (reader.ValueSpan.Length > MaxEscapedKnownName)
        {
            return -1;
        }

        Span<byte> unescaped = stackalloc byte[MaxEscapedKnownName];
        var length = reader.CopyString(unescaped);
        return IndexOf(unescaped[..length], names, expected);
    }

    private static int IndexOf(ReadOnlySpan<byte> name, byte[][] names, int expected)
    {
        if ((uint)expected < (uint)names.Length && name.SequenceEqual(names[expected]))
        {
            return expected;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool MarkSeen(ref int seen, int index)
    {
        var bit = 1 << index;
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }

    // JsonTokenType.None once the input is exhausted, so a loop waiting for an end token stops there and refuses.
    private static JsonTokenType Next(ref Utf8JsonReader reader) => reader.Read() ? reader.TokenType : JsonTokenType.None;

    private static JsonReaderOptions CreateReaderOptions(JsonSerializerOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.ReadCommentHandling,
        MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
    };

    private static byte[][] Names(params string[] names) => [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];
}
