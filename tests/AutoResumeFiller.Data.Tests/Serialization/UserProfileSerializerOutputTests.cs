using System.Buffers;
using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Tests.Serialization.Fixtures;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The hand-written <see cref="ProfileJsonWriter"/> must write exactly the bytes System.Text.Json's
/// source-generated serializer writes, and fail exactly as it fails.
/// </summary>
public class ProfileJsonWriterTests
{
    private const int RandomProfileCount = 4000;

    public static TheoryData<string> FixtureNames => ["new", "valid", "python", "unknown-properties"];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Write_Fixture_MatchesSerializerBytes(string name)
    {
        var profile = name switch
        {
            "new" => new UserProfile(),
            "valid" => Profiles.Valid(),
            "python" => Profiles.Parse(PythonProfileFixture.Json),
            _ => Profiles.Parse(
                """
                {"version": "1.1", "personal_info": {"first_name": "A", "pronouns": "she/her", "x": {"a": [1, 2.50, -0, 1e5, true, null, "s\u003c"]}},
                 "education": [{"minor": "Physics"}], "work_experience": [{"team": {"size": 4}}], "projects": [{"stars": 12}],
                 "certifications": [{"level": "pro"}], "themes": ["dark"], "\u00e9\"": "\ud83d\ude00"}
                """),
        };

        AssertSameAsSerializer(profile, name);
    }

    [Fact]
    public void Write_SeededRandomProfiles_MatchSerializerBytes()
    {
        var generator = new RandomProfiles(seed: 20251129);
        var failures = 0;
        for (var i = 0; i < RandomProfileCount; i++)
        {
            var profile = generator.Next();
            if (!TrySerializeWithSerializer(profile, out var expected, out var serializerError))
            {
                failures++;
                AssertSameFailure(profile, serializerError, $"random profile {i}");
                continue;
            }

            AssertSameBytes(expected, WriteFast(profile), $"random profile {i}");
        }

        // The generator must exercise the success path, not only errors.
        TestContext.Current.TestOutputHelper?.WriteLine($"{RandomProfileCount - failures} profiles written identically, {failures} failed identically.");
        failures.Should().BeLessThan(RandomProfileCount / 10);
    }

    [Fact]
    public void Write_EdgeDoublesAndDates_MatchSerializerBytes()
    {
        var generator = new RandomProfiles(seed: 7);
        var dates = new List<DateTime>
        {
            DateTime.MinValue, DateTime.MaxValue,
            DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Local), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Local),
            DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
            new(2025, 11, 29, 10, 0, 0, 120, DateTimeKind.Local),
        };
        for (var i = 0; i < 200; i++)
        {
            dates.Add(generator.Date());
        }

        var profile = new UserProfile
        {
            Education = [.. RandomProfiles.EdgeDoubles.Select(gpa => new Education { Gpa = gpa }), new Education { Gpa = null }],
        };
        foreach (var date in dates)
        {
            profile.LastUpdated = date;
            AssertSameAsSerializer(profile, $"{date.Ticks} {date.Kind}");
        }
    }

    [Fact]
    public void Write_AllNullStringsAndNullItems_MatchesSerializerBytes()
    {
        var profile = new UserProfile
        {
            Version = null!,
            PersonalInfo = new PersonalInfo { FirstName = null!, LastName = null!, Email = null!, Country = null },
            Education = [null!, new Education { Institution = null!, Degree = null!, FieldOfStudy = null!, StartDate = null!, Honors = [null!] }],
            WorkExperience = [null!, new WorkExperience { Company = null!, Position = null!, StartDate = null!, Responsibilities = [null!] }],
            Skills = [null!, ""],
            Projects = [null!, new Project { Name = null!, Description = null! }],
            Certifications = [null!, new Certification { Name = null!, Issuer = null!, DateObtained = null! }],
        };

        AssertSameAsSerializer(profile, "nulls");
        Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile)).Should().StartWith("{\n  \"version\": null,\n  \"personal_info\": {\n    \"first_name\": null,");
    }

    [Fact]
    public void Serialize_NewProfileWithEdgeValues_WritesExactText()
    {
        var profile = new UserProfile
        {
            Summary = "q\"b\\s/\u0001\b\t\n\f\r\u001F\u007F<>&+'`é中\u2028\u2029😀\uD800x\uDC00",
            Education =
            [
                new Education { Gpa = -0.0, Honors = [], RelevantCoursework = ["\u0000"] },
                new Education { Gpa = 1e-7, EndDate = "Present" },
                new Education { Gpa = 3.9999999999999996 },
                new Education { Gpa = double.Epsilon },
            ],
            LastUpdated = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(1_234_500),
            AdditionalProperties = new Dictionary<string, JsonElement>
            {
                ["a\"<é😀"] = JsonElement.Parse("{\"k\\u00e9\": [1.50, -0, 1e5, true, false, null, \"\\u003c\\ud83d\\ude00\\/\"], \"e\": {}}"),
                ["version"] = JsonElement.Parse("2"),
            },
        };

        var expected =
            """
            {
              "version": "1.0",
              "personal_info": null,
              "summary": "q\"b\\s/\u0001\b\t\n\f\r\u001F\u007F<>&+'`é中\u2028\u2029\uD83D\uDE00\uFFFDx\uFFFD",
              "education": [
                {
                  "institution": "",
                  "degree": "",
                  "field_of_study": "",
                  "start_date": "",
                  "end_date": null,
                  "gpa": -0,
                  "honors": [],
                  "relevant_coursework": [
                    "\u0000"
                  ]
                },
                {
                  "institution": "",
                  "degree": "",
                  "field_of_study": "",
                  "start_date": "",
                  "end_date": "Present",
                  "gpa": 1E-07,
                  "honors": [],
                  "relevant_coursework": []
                },
                {
                  "institution": "",
                  "degree": "",
                  "field_of_study": "",
                  "start_date": "",
                  "end_date": null,
                  "gpa": 3.9999999999999996,
                  "honors": [],
                  "relevant_coursework": []
                },
                {
                  "institution": "",
                  "degree": "",
                  "field_of_study": "",
                  "start_date": "",
                  "end_date": null,
                  "gpa": 5E-324,
                  "honors": [],
                  "relevant_coursework": []
                }
              ],
              "work_experience": [],
              "skills": [],
              "projects": [],
              "certifications": [],
              "last_updated": "2025-01-02T03:04:05.12345Z",
              "a\"<é\uD83D\uDE00": {
                "ké": [
                  1.50,
                  -0,
                  1e5,
                  true,
                  false,
                  null,
                  "<\uD83D\uDE00/"
                ],
                "e": {}
              },
              "version": 2
            }

            """;

        Encoding.UTF8.GetString(WriteFast(profile)).Should().Be(expected);
        Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile)).Should().Be(expected);
        AssertSameAsSerializer(profile, "exact");
    }

    [Fact]
    public void Serialize_EveryObjectKind_WritesPropertiesInDeclarationOrderWithExtensionDataLast()
    {
        static Dictionary<string, JsonElement> Extra(string name) => new() { [name] = JsonElement.Parse("[]") };
        var profile = new UserProfile
        {
            PersonalInfo = new PersonalInfo { AdditionalProperties = Extra("p") },
            Education = [new Education { AdditionalProperties = Extra("e") }],
            WorkExperience = [new WorkExperience { AdditionalProperties = Extra("w") }],
            Skills = ["s"],
            Projects = [new Project { AdditionalProperties = Extra("r") }],
            Certifications = [new Certification { AdditionalProperties = Extra("c") }],
            LastUpdated = new DateTime(2025, 11, 29, 10, 0, 0, DateTimeKind.Utc),
            AdditionalProperties = Extra("u"),
        };

        var json = Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile));

        json.Should().Be(
            """
            {
              "version": "1.0",
              "personal_info": {
                "first_name": "",
                "last_name": "",
                "email": "",
                "phone": null,
                "linkedin_url": null,
                "github_url": null,
                "portfolio_url": null,
                "address": null,
                "city": null,
                "state": null,
                "zip_code": null,
                "country": "USA",
                "p": []
              },
              "summary": null,
              "education": [
                {
                  "institution": "",
                  "degree": "",
                  "field_of_study": "",
                  "start_date": "",
                  "end_date": null,
                  "gpa": null,
                  "honors": [],
                  "relevant_coursework": [],
                  "e": []
                }
              ],
              "work_experience": [
                {
                  "company": "",
                  "position": "",
                  "start_date": "",
                  "end_date": null,
                  "location": null,
                  "responsibilities": [],
                  "achievements": [],
                  "technologies": [],
                  "w": []
                }
              ],
              "skills": [
                "s"
              ],
              "projects": [
                {
                  "name": "",
                  "description": "",
                  "start_date": null,
                  "end_date": null,
                  "url": null,
                  "technologies": [],
                  "highlights": [],
                  "r": []
                }
              ],
              "certifications": [
                {
                  "name": "",
                  "issuer": "",
                  "date_obtained": "",
                  "expiration_date": null,
                  "credential_id": null,
                  "url": null,
                  "c": []
                }
              ],
              "last_updated": "2025-11-29T10:00:00Z",
              "u": []
            }

            """);
        AssertSameAsSerializer(profile, "order");
    }

    // By index: xUnit cannot tell apart test cases whose only argument is a string with lone surrogates.
    private static readonly string[] LoneSurrogateTexts = ["\uD800", "\uDFFF", "a\uDC00\uD800b", "\uD83D"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Write_LoneSurrogates_ReplacedWithEscapedReplacementCharLikeSerializer(int index)
    {
        var text = LoneSurrogateTexts[index];
        var profile = new UserProfile
        {
            Summary = text,
            Skills = [text],
            PersonalInfo = new PersonalInfo { FirstName = text },
            AdditionalProperties = new Dictionary<string, JsonElement> { [text] = JsonElement.Parse("1") },
        };

        var json = Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile));

        // Every surrogate in the data is unpaired.
        var replaced = string.Concat(text.Select(c => char.IsSurrogate(c) ? "\\uFFFD" : c.ToString()));
        json.Should().Contain($"\"summary\": \"{replaced}\"").And.Contain($"\"first_name\": \"{replaced}\"").And.Contain($"  \"{replaced}\": 1\n");
        AssertSameAsSerializer(profile, "lone surrogate");
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udc00b\"")]
    [InlineData("{\"\\ud800\": 1}")]
    public void Serialize_EscapedLoneSurrogateInExtensionData_ThrowsLikeSerializer(string json)
    {
        // Such a value loads (unknown values are kept undecoded) but the serializer cannot write it back.
        var profile = new UserProfile { AdditionalProperties = new() { ["x"] = JsonElement.Parse(json) } };

        TrySerializeWithSerializer(profile, out _, out var error).Should().BeFalse();
        error.Should().BeOfType<JsonException>().Which.Message.Should().Be("The object or value could not be serialized. Path: $.AdditionalProperties.");
        AssertSameFailure(profile, error, json);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Serialize_NonFiniteGpa_ThrowsLikeSerializer(double gpa)
    {
        var profile = new UserProfile { Education = [new Education { Gpa = gpa }] };

        TrySerializeWithSerializer(profile, out _, out var error).Should().BeFalse();
        error.Should().BeOfType<ArgumentException>();
        AssertSameFailure(profile, error, "gpa");
    }

    [Fact]
    public void Serialize_DefaultOrDisposedJsonElement_ThrowsLikeSerializer()
    {
        var document = JsonDocument.Parse("{\"a\": 1}");
        var disposed = document.RootElement;
        document.Dispose();

        foreach (var (element, name) in new[] { (default(JsonElement), "default"), (disposed, "disposed") })
        {
            var profile = new UserProfile { Projects = [new Project { AdditionalProperties = new() { ["x"] = element } }] };
            TrySerializeWithSerializer(profile, out _, out var error).Should().BeFalse();
            error.Should().BeAssignableTo<InvalidOperationException>(name);
            AssertSameFailure(profile, error, name);
        }
    }

    public static TheoryData<string> ObjectLevels => ["$", "$.PersonalInfo", "$.Education", "$.WorkExperience", "$.Projects", "$.Certifications"];

    [Theory]
    [MemberData(nameof(ObjectLevels))]
    public void SerializeToBuffer_ExtensionDataDeeperThanReaderAllows_ThrowsSerializerJsonException(string level)
    {
        // Regression: the manager's buffer path wrote up to 1000 levels (a file the reader then refused); now 64, as Serialize(Stream) always had.
        var profile = WithExtensionAt(level, Nested(64));

        var act = () => SerializeToBuffer(profile);

        var error = act.Should().ThrowExactly<JsonException>().Which;
        error.Message.Should().Be($"The object or value could not be serialized. Path: {level}.AdditionalProperties.");
        error.InnerException.Should().BeOfType<InvalidOperationException>()
            .Which.Message.Should().Be("CurrentDepth (64) is equal to or larger than the maximum allowed depth of 64. Cannot write the next JSON object or array.");
        AssertSameFailure(profile, error, level);
    }

    [Fact]
    public void SerializeToBuffer_ExtensionDataAtMaximumDepth_WritesWhatTheReaderReadsBack()
    {
        var profile = WithExtensionAt("$", Nested(63));

        var bytes = SerializeToBuffer(profile);

        AssertSameAsSerializer(profile, "depth 64");
        var read = UserProfileSerializer.Deserialize(bytes);
        read.AdditionalProperties!["d"].GetRawText().Count(c => c == '[').Should().Be(63);
    }

    private static UserProfile WithExtensionAt(string level, JsonElement element)
    {
        var extension = new Dictionary<string, JsonElement> { ["d"] = element };
        return level switch
        {
            "$" => new UserProfile { AdditionalProperties = extension },
            "$.PersonalInfo" => new UserProfile { PersonalInfo = new PersonalInfo { AdditionalProperties = extension } },
            "$.Education" => new UserProfile { Education = [new Education(), new Education { AdditionalProperties = extension }] },
            "$.WorkExperience" => new UserProfile { WorkExperience = [new WorkExperience { AdditionalProperties = extension }] },
            "$.Projects" => new UserProfile { Projects = [new Project { AdditionalProperties = extension }] },
            _ => new UserProfile { Certifications = [new Certification { AdditionalProperties = extension }] },
        };
    }

    private static JsonElement Nested(int depth) =>
        JsonElement.Parse(new string('[', depth) + new string(']', depth), new JsonDocumentOptions { MaxDepth = depth + 1 });

    private static byte[] WriteFast(UserProfile profile)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ProfileJsonWriter.Options))
        {
            ProfileJsonWriter.Write(writer, profile);
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static byte[] SerializeToBuffer(UserProfile profile)
    {
        var buffer = new ArrayBufferWriter<byte>();
        UserProfileSerializer.SerializeToBuffer(profile, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    // What the library wrote before the hand-written writer: the source-generated serializer to a stream, plus "\n".
    private static bool TrySerializeWithSerializer(UserProfile profile, out byte[] bytes, out Exception error)
    {
        try
        {
            using var stream = new MemoryStream();
            JsonSerializer.Serialize(stream, profile, ProfileJsonContext.Writer.UserProfile);
            stream.WriteByte((byte)'\n');
            bytes = stream.ToArray();
            error = null!;
            return true;
        }
        catch (Exception ex)
        {
            bytes = [];
            error = ex;
            return false;
        }
    }

    private static void AssertSameAsSerializer(UserProfile profile, string because)
    {
        TrySerializeWithSerializer(profile, out var expected, out var error).Should().BeTrue($"{because}: {error}");
        AssertSameBytes(expected, WriteFast(profile), because);
        AssertSameBytes(expected, SerializeToBuffer(profile), because);
        AssertSameBytes(expected, UserProfileSerializer.Serialize(profile), because);
        using var stream = new MemoryStream();
        UserProfileSerializer.Serialize(profile, stream);
        AssertSameBytes(expected, stream.ToArray(), because);
    }

    private static void AssertSameFailure(UserProfile profile, Exception expected, string because)
    {
        foreach (var act in new Action[] { () => SerializeToBuffer(profile), () => UserProfileSerializer.Serialize(profile) })
        {
            var actual = act.Should().Throw<Exception>(because).Which;
            actual.GetType().Should().Be(expected.GetType(), because);
            actual.Message.Should().Be(expected.Message, because);
            (actual.InnerException?.GetType()).Should().Be(expected.InnerException?.GetType(), because);
            (actual.InnerException?.Message).Should().Be(expected.InnerException?.Message, because);
        }
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual, string because)
    {
        var length = Math.Min(expected.Length, actual.Length);
        var offset = expected.AsSpan(0, length).CommonPrefixLength(actual.AsSpan(0, length));
        if (offset == length && expected.Length == actual.Length)
        {
            return;
        }

        static string Context(byte[] bytes, int at)
        {
            var start = Math.Max(0, at - 60);
            var text = Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 60) - start);
            return text.Replace("\n", "\\n", StringComparison.Ordinal);
        }

        Assert.Fail(
            $"{because}: first difference at byte {offset} (expected {expected.Length} bytes, got {actual.Length}).\n" +
            $"expected: …{Context(expected, offset)}…\nactual:   …{Context(actual, offset)}…");
    }
}
