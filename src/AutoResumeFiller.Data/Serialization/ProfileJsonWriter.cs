using System.Text.Encodings.Web;
using System.Text.Json;

namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// Writes a <see cref="UserProfile"/> with direct <see cref="Utf8JsonWriter"/> calls, byte for byte as
/// <c>JsonSerializer.Serialize(writer, profile, ProfileJsonContext.Writer.UserProfile)</c> writes it: properties in
/// declaration order, <c>null</c> written, extension data last in dictionary order. System.Text.Json cannot use its
/// source-generated fast path with the custom encoder and date converter, and its metadata-driven path is about
/// three times slower than the writer calls themselves (issue 7).
/// </summary>
/// <remarks>
/// Strings go through the writer exactly as the serializer's own converters pass them (a lone surrogate becomes an
/// escaped U+FFFD in both), numbers through <see cref="Utf8JsonWriter.WriteNumberValue(double)"/>, dates through
/// <see cref="UtcDateTimeConverter.WriteUtcValue"/> and extension values through <see cref="JsonElement.WriteTo"/>,
/// as the serializer's <see cref="JsonElement"/> converter does. When writing fails, the caller asks the serializer
/// for its exception instead (see <see cref="UserProfileSerializer"/>). Thread-safe: stateless.
/// </remarks>
internal static class ProfileJsonWriter
{
    // The serializer's EffectiveMaxDepth when MaxDepth is unset (JsonSerializerOptions.DefaultMaxDepth, internal):
    // the depth JsonSerializer.Serialize(Stream) writes with and the reader accepts.
    private const int SerializerDefaultMaxDepth = 64;

    private static readonly JavaScriptEncoder? Encoder = ProfileJsonContext.Writer.Options.Encoder;

    // UserProfile
    private static readonly JsonEncodedText Version = Name("version");
    private static readonly JsonEncodedText PersonalInfo = Name("personal_info");
    private static readonly JsonEncodedText Summary = Name("summary");
    private static readonly JsonEncodedText Education = Name("education");
    private static readonly JsonEncodedText WorkExperience = Name("work_experience");
    private static readonly JsonEncodedText Skills = Name("skills");
    private static readonly JsonEncodedText Projects = Name("projects");
    private static readonly JsonEncodedText Certifications = Name("certifications");
    private static readonly JsonEncodedText LastUpdated = Name("last_updated");

    // PersonalInfo
    private static readonly JsonEncodedText FirstName = Name("first_name");
    private static readonly JsonEncodedText LastName = Name("last_name");
    private static readonly JsonEncodedText Email = Name("email");
    private static readonly JsonEncodedText Phone = Name("phone");
    private static readonly JsonEncodedText LinkedinUrl = Name("linkedin_url");
    private static readonly JsonEncodedText GithubUrl = Name("github_url");
    private static readonly JsonEncodedText PortfolioUrl = Name("portfolio_url");
    private static readonly JsonEncodedText Address = Name("address");
    private static readonly JsonEncodedText City = Name("city");
    private static readonly JsonEncodedText State = Name("state");
    private static readonly JsonEncodedText ZipCode = Name("zip_code");
    private static readonly JsonEncodedText Country = Name("country");

    // Education, WorkExperience, Project, Certification
    private static readonly JsonEncodedText Institution = Name("institution");
    private static readonly JsonEncodedText Degree = Name("degree");
    private static readonly JsonEncodedText FieldOfStudy = Name("field_of_study");
    private static readonly JsonEncodedText StartDate = Name("start_date");
    private static readonly JsonEncodedText EndDate = Name("end_date");
    private static readonly JsonEncodedText Gpa = Name("gpa");
    private static readonly JsonEncodedText Honors = Name("honors");
    private static readonly JsonEncodedText RelevantCoursework = Name("relevant_coursework");
    private static readonly JsonEncodedText Company = Name("company");
    private static readonly JsonEncodedText Position = Name("position");
    private static readonly JsonEncodedText Location = Name("location");
    private static readonly JsonEncodedText Responsibilities = Name("responsibilities");
    private static readonly JsonEncodedText Achievements = Name("achievements");
    private static readonly JsonEncodedText Technologies = Name("technologies");
    private static readonly JsonEncodedText ProjectName = Name("name");
    private static readonly JsonEncodedText Description = Name("description");
    private static readonly JsonEncodedText Url = Name("url");
    private static readonly JsonEncodedText Highlights = Name("highlights");
    private static readonly JsonEncodedText Issuer = Name("issuer");
    private static readonly JsonEncodedText DateObtained = Name("date_obtained");
    private static readonly JsonEncodedText ExpirationDate = Name("expiration_date");
    private static readonly JsonEncodedText CredentialId = Name("credential_id");

    /// <summary>
    /// Gets the options of every profile writer (and of the serializer's when it reports a failure): the on-disk
    /// encoder, indentation and new line, and the serializer's maximum depth, so nothing deeper than the reader
    /// accepts can be written.
    /// </summary>
    public static JsonWriterOptions Options { get; } = BuildOptions();

    /// <summary>Writes <paramref name="profile"/> as one JSON object (no trailing new line) and flushes <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, UserProfile profile)
    {
        writer.WriteStartObject();
        writer.WriteString(Version, profile.Version);
        writer.WritePropertyName(PersonalInfo);
        WritePersonalInfo(writer, profile.PersonalInfo);
        writer.WriteString(Summary, profile.Summary);
        WriteArray(writer, Education, profile.Education, WriteEducation);
        WriteArray(writer, WorkExperience, profile.WorkExperience, WriteWork);
        WriteStrings(writer, Skills, profile.Skills);
        WriteArray(writer, Projects, profile.Projects, WriteProject);
        WriteArray(writer, Certifications, profile.Certifications, WriteCertification);
        writer.WritePropertyName(LastUpdated);
        UtcDateTimeConverter.WriteUtcValue(writer, profile.LastUpdated);
        WriteExtensionData(writer, profile.AdditionalProperties);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WritePersonalInfo(Utf8JsonWriter writer, PersonalInfo? info)
    {
        if (info is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(FirstName, info.FirstName);
        writer.WriteString(LastName, info.LastName);
        writer.WriteString(Email, info.Email);
        writer.WriteString(Phone, info.Phone);
        writer.WriteString(LinkedinUrl, info.LinkedinUrl);
        writer.WriteString(GithubUrl, info.GithubUrl);
        writer.WriteString(PortfolioUrl, info.PortfolioUrl);
        writer.WriteString(Address, info.Address);
        writer.WriteString(City, info.City);
        writer.WriteString(State, info.State);
        writer.WriteString(ZipCode, info.ZipCode);
        writer.WriteString(Country, info.Country);
        WriteExtensionData(writer, info.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void WriteEducation(Utf8JsonWriter writer, Education? education)
    {
        if (education is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Institution, education.Institution);
        writer.WriteString(Degree, education.Degree);
        writer.WriteString(FieldOfStudy, education.FieldOfStudy);
        writer.WriteString(StartDate, education.StartDate);
        writer.WriteString(EndDate, education.EndDate);
        if (education.Gpa is { } gpa)
        {
            writer.WriteNumber(Gpa, gpa);
        }
        else
        {
            writer.WriteNull(Gpa);
        }

        WriteStrings(writer, Honors, education.Honors);
        WriteStrings(writer, RelevantCoursework, education.RelevantCoursework);
        WriteExtensionData(writer, education.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void WriteWork(Utf8JsonWriter writer, WorkExperience? work)
    {
        if (work is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Company, work.Company);
        writer.WriteString(Position, work.Position);
        writer.WriteString(StartDate, work.StartDate);
        writer.WriteString(EndDate, work.EndDate);
        writer.WriteString(Location, work.Location);
        WriteStrings(writer, Responsibilities, work.Responsibilities);
        WriteStrings(writer, Achievements, work.Achievements);
        WriteStrings(writer, Technologies, work.Technologies);
        WriteExtensionData(writer, work.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void WriteProject(Utf8JsonWriter writer, Project? project)
    {
        if (project is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(ProjectName, project.Name);
        writer.WriteString(Description, project.Description);
        writer.WriteString(StartDate, project.StartDate);
        writer.WriteString(EndDate, project.EndDate);
        writer.WriteString(Url, project.Url);
        WriteStrings(writer, Technologies, project.Technologies);
        WriteStrings(writer, Highlights, project.Highlights);
        WriteExtensionData(writer, project.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void WriteCertification(Utf8JsonWriter writer, Certification? certification)
    {
        if (certification is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(ProjectName, certification.Name);
        writer.WriteString(Issuer, certification.Issuer);
        writer.WriteString(DateObtained, certification.DateObtained);
        writer.WriteString(ExpirationDate, certification.ExpirationDate);
        writer.WriteString(CredentialId, certification.CredentialId);
        writer.WriteString(Url, certification.Url);
        WriteExtensionData(writer, certification.AdditionalProperties);
        writer.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, JsonEncodedText name, List<T> items, Action<Utf8JsonWriter, T?> writeItem)
        where T : class
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    // A null item (possible despite the annotations) is written as null, as the serializer writes it.
    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, List<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    // The serializer writes extension data after the declared properties, in dictionary order, names unchanged
    // (no naming policy) and escaped by the writer's encoder.
    private static void WriteExtensionData(Utf8JsonWriter writer, Dictionary<string, JsonElement>? additional)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var (name, value) in additional)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Encoder);

    private static JsonWriterOptions BuildOptions()
    {
        var options = ProfileJsonContext.Writer.Options;
        return new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth == 0 ? SerializerDefaultMaxDepth : options.MaxDepth,
        };
    }
}
