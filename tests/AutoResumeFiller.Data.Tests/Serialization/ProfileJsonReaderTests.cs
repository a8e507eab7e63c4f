using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Tests.Serialization.Fixtures;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The hand-written fast path <see cref="ProfileJsonReader"/> must either decline an input or give exactly the
/// profile System.Text.Json gives for it, and must not decline ordinary files; <see cref="UserProfileSerializer.Deserialize"/>
/// must keep System.Text.Json's results and error messages.
/// </summary>
public class ProfileJsonReaderTests
{
    private const string NullRootMessage = "Failed to parse user_profile.json: The file contains 'null' instead of a profile object. Path: $ | LineNumber: 0 | BytePositionInLine: 0.";

    private static readonly JsonSerializerOptions CompactEscaped = new(ProfileJsonContext.Default.Options) { WriteIndented = false };

    private static readonly JsonSerializerOptions CompactRelaxed = new(ProfileJsonContext.Writer.Options) { WriteIndented = false };

    public static TheoryData<string> MutationBases => ["valid", "valid-compact", "python", "random"];

    [Theory]
    [InlineData("new")]
    [InlineData("valid")]
    [InlineData("valid-compact")]
    [InlineData("valid-escaped")]
    [InlineData("python")]
    [InlineData("python-crlf")]
    [InlineData("education-only")]
    [InlineData("work-only")]
    [InlineData("project-only")]
    [InlineData("certification-only")]
    [InlineData("personal-info-only")]
    public void TryRead_OrdinaryFixture_TakesFastPathWithSerializerResult(string name)
    {
        var failure = Check(Base(name), mustAccept: true);

        failure.Should().BeNull(name);
    }

    [Fact]
    public void TryRead_SeededOrdinaryProfiles_TakeFastPathWithSerializerResult()
    {
        var generator = new ValidRandomProfiles(seed: 20251130);
        var failures = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var profile = generator.Next();
            foreach (var (form, bytes) in new[]
            {
                ("file", UserProfileSerializer.Serialize(profile)),
                ("compact escaped", JsonSerializer.SerializeToUtf8Bytes(profile, CompactEscaped.GetTypeInfo(typeof(UserProfile)))),
                ("compact relaxed", JsonSerializer.SerializeToUtf8Bytes(profile, CompactRelaxed.GetTypeInfo(typeof(UserProfile)))),
            })
            {
                if (Check(bytes, mustAccept: true) is { } failure)
                {
                    failures.Add($"profile {i} ({form}): {failure}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public void TryRead_SeededArbitraryProfiles_MatchSerializerOrDecline()
    {
        var generator = new RandomProfiles(seed: 424242);
        var failures = new List<string>();
        var (accepted, checkedCount) = (0, 0);
        for (var i = 0; i < 1500; i++)
        {
            byte[] bytes;
            try
            {
                bytes = UserProfileSerializer.Serialize(generator.Next());
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException)
            {
                continue; // an unwritable profile (an escaped lone surrogate in an element): no file to read
            }

            checkedCount++;
            if (Check(bytes, mustAccept: false) is { } failure)
            {
                failures.Add($"profile {i}: {failure}");
            }
            else if (ProfileJsonReader.TryRead(bytes, out _))
            {
                accepted++;
            }
        }

        failures.Should().BeEmpty();
        checkedCount.Should().BeGreaterThan(1000);
        accepted.Should().BeGreaterThan(checkedCount / 4, "most arbitrary profiles are still ordinary JSON for the fast path");
    }

    [Theory]
    [MemberData(nameof(MutationBases))]
    public void TryRead_MutatedFiles_MatchSerializerOrDecline(string baseName)
    {
        var failures = new List<string>();
        var (cases, accepted, refusedBySerializer) = (0, 0, 0);
        foreach (var mutation in ProfileMutations.Generate(Base(baseName), seed: 7))
        {
            cases++;
            if (Check(mutation.Bytes, mustAccept: false) is { } failure)
            {
                failures.Add($"{mutation.Kind}: {failure}\n  input: {Show(mutation.Bytes)}");
                continue;
            }

            accepted += ProfileJsonReader.TryRead(mutation.Bytes, out _) ? 1 : 0;
            refusedBySerializer += SerializerRefuses(mutation.Bytes) ? 1 : 0;
        }

        failures.Take(20).Should().BeEmpty($"{failures.Count} of {cases} mutations failed");
        cases.Should().BeGreaterThan(4000);
        accepted.Should().BeGreaterThan(cases / 10);
        refusedBySerializer.Should().BeGreaterThan(cases / 10);
        TestContext.Current.TestOutputHelper?.WriteLine($"{cases} mutations: {accepted} read by the fast path, {refusedBySerializer} refused by the serializer.");
    }

    [Theory]
    [InlineData("""{"version": "1.0", "version": "2.0"}""", "Duplicate property 'version' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.version | LineNumber: 0 | BytePositionInLine: 35.")]
    [InlineData("""{"version": "1", "vers\u0069on": "2"}""", "Duplicate property 'version' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.version | LineNumber: 0 | BytePositionInLine: 36.")]
    [InlineData("""{"extra": 1, "extra": 2}""", "Duplicate property 'additional_properties' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.extra | LineNumber: 0 | BytePositionInLine: 23.")]
    [InlineData("""{"e\u0078tra": 1, "extra": 2}""", "Duplicate property 'additional_properties' encountered during deserialization of type 'AutoResumeFiller.Data.UserProfile'. Path: $.extra | LineNumber: 0 | BytePositionInLine: 28.")]
    [InlineData("""{"extra": {"a": 1, "\u0061": 2}}""", "Duplicate property 'a' encountered during deserialization. Path: $.extra | LineNumber: 0 | BytePositionInLine: 31.")]
    [InlineData("""{"personal_info": {"email": "a@b.co", "email": "c@d.co"}}""", "Duplicate property 'email' encountered during deserialization of type 'AutoResumeFiller.Data.PersonalInfo'. Path: $.personal_info.email | LineNumber: 0 | BytePositionInLine: 55.")]
    [InlineData("""{"x\uD800": 1}""", "The JSON value could not be converted to AutoResumeFiller.Data.UserProfile. Path: $ | LineNumber: 0 | BytePositionInLine: 11.")]
    [InlineData("""{"last_updated": null}""", "Expected an ISO-8601 timestamp string. Path: $.last_updated | LineNumber: 0 | BytePositionInLine: 21.")]
    [InlineData("""{"education": [{"gpa": "3.8"}]}""", "The JSON value could not be converted to System.Nullable`1[System.Double]. Path: $.education[0].gpa | LineNumber: 0 | BytePositionInLine: 28.")]
    public void Deserialize_InputTheFastPathDeclines_KeepsSerializerMessage(string json, string details)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeFalse();
        profile.Should().BeNull();
        var act = () => UserProfileSerializer.Deserialize(bytes);
        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().Be("Failed to parse user_profile.json: " + details);
    }

    [Fact]
    public void TryRead_NullsEverywhere_ReadsThemAsTheSerializerDoes()
    {
        var bytes = Encoding.UTF8.GetBytes("""
            {"version": null, "personal_info": {"first_name": null, "country": null}, "summary": null, "education": [null, {"gpa": null, "honors": null}],
             "work_experience": null, "skills": [null, "C#"], "projects": [{"technologies": null}], "certifications": [null]}
            """);

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeTrue();

        profile!.Version.Should().BeNull();
        profile.PersonalInfo!.FirstName.Should().BeNull();
        profile.PersonalInfo.LastName.Should().BeEmpty();
        profile.PersonalInfo.Country.Should().BeNull();
        profile.Education.Should().HaveCount(2);
        profile.Education[0].Should().BeNull();
        profile.Education[1].Gpa.Should().BeNull();
        profile.Education[1].Honors.Should().BeEmpty();
        profile.WorkExperience.Should().NotBeNull().And.BeEmpty();
        profile.Skills.Should().Equal(null!, "C#");
        profile.Projects[0].Technologies.Should().NotBeNull().And.BeEmpty();
        profile.Certifications.Should().Equal([null!]);
        Check(bytes, mustAccept: true).Should().BeNull();
    }

    // String values take an ASCII fast path unless escaped or non-ASCII; every kind must read as the serializer reads it.
    [Theory]
    [InlineData("plain ASCII, with punctuation: ~!@#$%^&*()")]
    [InlineData("")]
    [InlineData("café, naïve, Zürich")]
    [InlineData("emoji 😀 and CJK 日本語")]
    [InlineData("ASCII then é at the end é")]
    [InlineData(@"escaped \""quote\"", tab \t, \u00e9 and \ud83d\ude00")]
    public void TryRead_StringValuesOfEveryKind_ReadAsTheSerializerDoes(string jsonText)
    {
        var bytes = Encoding.UTF8.GetBytes($$$"""{"summary": "{{{jsonText}}}", "skills": ["{{{jsonText}}}", "x"], "personal_info": {"city": "{{{jsonText}}}"}}""");

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeTrue();

        var expected = JsonSerializer.Deserialize(bytes, ProfileJsonContext.Default.UserProfile)!;
        profile!.Summary.Should().Be(expected.Summary);
        profile.Skills.Should().Equal(expected.Skills);
        profile.PersonalInfo!.City.Should().Be(expected.PersonalInfo!.City);
        Check(bytes, mustAccept: true).Should().BeNull();
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 })] // a truncated two-byte sequence
    [InlineData(new byte[] { 0x80 })] // a lone continuation byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    public void TryRead_InvalidUtf8InAStringValue_Declines(byte[] invalid)
    {
        byte[] bytes = [.. "{\"summary\": \"abc"u8, .. invalid, .. "\"}"u8];

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeFalse();

        profile.Should().BeNull();
    }

    [Fact]
    public void TryRead_NoUnknownProperties_LeavesAdditionalPropertiesNull()
    {
        ProfileJsonReader.TryRead(UserProfileSerializer.Serialize(Profiles.Valid()), out var profile).Should().BeTrue();

        profile!.AdditionalProperties.Should().BeNull();
        profile.PersonalInfo!.AdditionalProperties.Should().BeNull();
        profile.Education[0].AdditionalProperties.Should().BeNull();
        profile.Certifications[0].AdditionalProperties.Should().BeNull();
    }

    [Fact]
    public void TryRead_UnknownProperties_KeepsThemInOrderAsElements()
    {
        var bytes = Encoding.UTF8.GetBytes("""
            {"$id": "1", "Version": 2, "additional_properties": {"a": [1, 1e400]}, "version": "1.0", "z\u00e9": "\uD800", "AdditionalProperties": null,
             "personal_info": {"version": -0, "first_name": "A"}}
            """);

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeTrue();

        profile!.AdditionalProperties!.Select(p => $"{p.Key}={p.Value.GetRawText()}").Should().Equal(
            "$id=\"1\"", "Version=2", "additional_properties={\"a\": [1, 1e400]}", "zé=\"\\uD800\"", "AdditionalProperties=null");
        profile.PersonalInfo!.AdditionalProperties!.Single().Value.GetRawText().Should().Be("-0");
        Check(bytes, mustAccept: true).Should().BeNull();
    }

    [Theory]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("-1e400", double.NegativeInfinity)]
    [InlineData("-0", -0.0)]
    [InlineData("1e-400", 0.0)]
    [InlineData("4.0000000000000000000000001", 4.0)]
    [InlineData("4.9e-324", double.Epsilon)]
    [InlineData("0.30000000000000004", 0.30000000000000004)]
    public void TryRead_GpaNumber_ReadsTheSerializersDouble(string number, double expected)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"education": [{"gpa": {{number}}}]}""");

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeTrue();

        BitConverter.DoubleToInt64Bits(profile!.Education[0].Gpa!.Value).Should().Be(BitConverter.DoubleToInt64Bits(expected));
        Check(bytes, mustAccept: true).Should().BeNull();
    }

    [Theory]
    [InlineData("2025-11-29T10:00:00", "2025-11-29T10:00:00.0000000Z")]
    [InlineData("2025-11-29T10:00:00.123456", "2025-11-29T10:00:00.1234560Z")]
    [InlineData("2025-11-29T10:00:00+05:30", "2025-11-29T04:30:00.0000000Z")]
    [InlineData("0001-01-01T00:00:00+01:00", null)] // before year 1 in UTC: refused (DateTime.TryParseExact read it as 23:00)
    [InlineData("9999-12-31T23:00:00-05:00", null)] // after year 9999 in UTC
    [InlineData("0001-01-01T00:00:00-01:00", "0001-01-01T01:00:00.0000000Z")]
    [InlineData("2025-11-29T10:00:00Z ", null)]
    [InlineData("2025-11-29T10:00:00.12345678Z", null)]
    [InlineData("2025-02-30T00:00:00Z", null)]
    public void TryRead_Timestamp_ReadsAsTheConverterDoes(string timestamp, string? expectedUtc)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"last_updated": "{{timestamp}}"}""");

        var accepted = ProfileJsonReader.TryRead(bytes, out var profile);

        accepted.Should().Be(expectedUtc is not null);
        if (expectedUtc is not null)
        {
            profile!.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
            profile.LastUpdated.ToString("O", System.Globalization.CultureInfo.InvariantCulture).Should().Be(expectedUtc);
        }

        Check(bytes, mustAccept: expectedUtc is not null).Should().BeNull();
    }

    [Fact]
    public void TryParseTimestamp_ManyShapes_SameResultAsTryingEveryFormatInOrder()
    {
        var random = new Random(5);
        var texts = new List<string>(ProfileMutations.Timestamps.Where(t => t.StartsWith('"') && !t.Contains('\\', StringComparison.Ordinal)).Select(t => t[1..^1]));
        string[] suffixes = ["", "Z", "z", "+05:30", "-00:00", "+14:00", "+0530", "Z ", ".", "Zx", "+05:30Z"];
        for (var i = 0; i < 3000; i++)
        {
            var date = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            var text = date.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            var digits = random.Next(10);
            text += digits == 0 ? "" : (random.Next(6) == 0 ? "," : ".") + random.NextInt64(10_000_000_000).ToString("D10", System.Globalization.CultureInfo.InvariantCulture)[..Math.Min(digits - 1, 10)];
            text += suffixes[random.Next(suffixes.Length)];
            texts.Add(random.Next(20) == 0 ? text[..random.Next(text.Length)] : text);
        }

        foreach (var text in texts)
        {
            var expected = DateTimeOffset.TryParseExact(text, UtcDateTimeConverter.IsoFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed);
            var want = expected ? parsed.UtcDateTime : default;

            var actual = UtcDateTimeConverter.TryParseTimestamp(text, out var got);

            (actual, got.Ticks, got.Kind).Should().Be((expected, want.Ticks, want.Kind), text);
        }

        texts.Count(t => UtcDateTimeConverter.TryParseTimestamp(t, out _)).Should().BeInRange(texts.Count / 5, texts.Count * 4 / 5);
    }

    [Fact]
    public void ReaderOptions_AreTheSerializersReaderOptions()
    {
        var options = ProfileJsonContext.Default.Options;

        ProfileJsonReader.ReaderOptions.MaxDepth.Should().Be(64);
        ProfileJsonReader.ReaderOptions.CommentHandling.Should().Be(JsonCommentHandling.Disallow).And.Be(options.ReadCommentHandling);
        ProfileJsonReader.ReaderOptions.AllowTrailingCommas.Should().BeFalse().And.Be(options.AllowTrailingCommas);
        ProfileJsonReader.ReaderOptions.AllowMultipleValues.Should().BeFalse();
        options.PropertyNameCaseInsensitive.Should().BeFalse("the fast path matches names case-sensitively");
        options.AllowDuplicateProperties.Should().BeFalse("the fast path declines duplicates");
        options.NumberHandling.Should().Be(System.Text.Json.Serialization.JsonNumberHandling.Strict);
    }

    [Theory]
    [InlineData(typeof(UserProfile))]
    [InlineData(typeof(PersonalInfo))]
    [InlineData(typeof(Education))]
    [InlineData(typeof(WorkExperience))]
    [InlineData(typeof(Project))]
    [InlineData(typeof(Certification))]
    public void KnownNames_AreTheSourceGeneratedPropertyNamesInOrder(Type type)
    {
        var names = type.Name switch
        {
            nameof(UserProfile) => ProfileJsonReader.ProfileNames,
            nameof(PersonalInfo) => ProfileJsonReader.PersonalInfoNames,
            nameof(Education) => ProfileJsonReader.EducationNames,
            nameof(WorkExperience) => ProfileJsonReader.WorkExperienceNames,
            nameof(Project) => ProfileJsonReader.ProjectNames,
            _ => ProfileJsonReader.CertificationNames,
        };
        var metadata = ProfileJsonContext.Default.GetTypeInfo(type)!.Properties;

        names.Select(n => Encoding.UTF8.GetString(n)).Should().Equal(metadata.Where(p => !p.IsExtensionData).Select(p => p.Name));
        metadata.Should().ContainSingle(p => p.IsExtensionData);
        metadata.Should().OnlyContain(p => p.Set != null && !p.IsRequired && p.CustomConverter == null);
    }

    /// <summary>
    /// Runs <paramref name="input"/> through System.Text.Json, the fast path and <see cref="UserProfileSerializer.Deserialize"/>;
    /// returns what went wrong, or null.
    /// </summary>
    private static string? Check(byte[] input, bool mustAccept)
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

    private static bool SerializerRefuses(byte[] input)
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

    private static byte[] Base(string name) => name switch
    {
        "new" => UserProfileSerializer.Serialize(new UserProfile()),
        "valid" => UserProfileSerializer.Serialize(Profiles.Valid()),
        "valid-compact" => JsonSerializer.SerializeToUtf8Bytes(Profiles.Valid(), CompactRelaxed.GetTypeInfo(typeof(UserProfile))),
        "valid-escaped" => JsonSerializer.SerializeToUtf8Bytes(Profiles.Valid(), CompactEscaped.GetTypeInfo(typeof(UserProfile))),
        "python" => Encoding.UTF8.GetBytes(PythonProfileFixture.Json),
        "python-crlf" => Encoding.UTF8.GetBytes(PythonProfileFixture.Json.ReplaceLineEndings("\r\n")),
        "education-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidEducation())),
        "work-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidWork())),
        "project-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidProject())),
        "certification-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidCertification())),
        "personal-info-only" => UserProfileSerializer.Serialize(Profiles.With(Profiles.ValidPersonalInfo())),
        "random" => UserProfileSerializer.Serialize(new ValidRandomProfiles(seed: 99).Next()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static string Show(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length <= 400 ? text : text[..400] + "…";
    }
}
