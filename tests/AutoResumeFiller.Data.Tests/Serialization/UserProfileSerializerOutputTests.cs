using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Tests.Serialization.Fixtures;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>The on-disk bytes of a profile, the same from every serialization path (the manager's buffer, bytes, stream).</summary>
public class UserProfileSerializerOutputTests
{
    public static TheoryData<string> FixtureNames => ["new", "valid", "python", "unknown-properties"];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Serialize_Fixture_MatchesSerializerBytes(string name)
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

        SerializerPaths.AssertSameAsSerializer(profile, name);
    }

    [Fact]
    public void Serialize_EdgeDoublesAndDates_MatchSerializerBytes()
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
            SerializerPaths.AssertSameAsSerializer(profile, $"{date.Ticks} {date.Kind}");
        }
    }

    [Fact]
    public void Serialize_AllNullStringsAndNullItems_MatchesSerializerBytes()
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

        SerializerPaths.AssertSameAsSerializer(profile, "nulls");
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

        Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile)).Should().Be(expected);
        Encoding.UTF8.GetString(UserProfileSerializer.Serialize(profile)).Should().Be(expected);
        SerializerPaths.AssertSameAsSerializer(profile, "exact");
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
        SerializerPaths.AssertSameAsSerializer(profile, "order");
    }

    // By index: xUnit cannot tell apart test cases whose only argument is a string with lone surrogates.
    private static readonly string[] LoneSurrogateTexts = ["\uD800", "\uDFFF", "a\uDC00\uD800b", "\uD83D"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Serialize_LoneSurrogates_ReplacedWithEscapedReplacementCharLikeSerializer(int index)
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
        SerializerPaths.AssertSameAsSerializer(profile, "lone surrogate");
    }
}
