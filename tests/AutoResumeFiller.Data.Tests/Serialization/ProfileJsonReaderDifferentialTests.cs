using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The fast path <see cref="ProfileJsonReader"/> over ordinary files (this library's, the Python app's, generated ones):
/// it must take them, with exactly the profile System.Text.Json gives (<see cref="ReaderDifferential"/>).
/// </summary>
public class ProfileJsonReaderDifferentialTests
{
    public static TheoryData<string> OrdinaryInputs => [.. ReaderDifferential.OrdinaryInputs];

    [Theory]
    [MemberData(nameof(OrdinaryInputs))]
    public void TryRead_OrdinaryFile_TakesFastPathWithSerializerResult(string name)
    {
        var failure = ReaderDifferential.Check(ReaderDifferential.Input(name), mustAccept: true);

        failure.Should().BeNull(name);
    }

    [Fact]
    public void TryRead_PythonEscapedFile_ReadsEscapesAndNaiveTimestamp()
    {
        ProfileJsonReader.TryRead(ReaderDifferential.Input("python-escaped-19kb"), out var profile).Should().BeTrue();

        profile!.PersonalInfo!.FirstName.Should().Be("Zoë");
        profile.PersonalInfo.City.Should().Be("Zürich");
        profile.LastUpdated.Should().Be(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        profile.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
        profile.Certifications.Should().HaveCount(4);
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
                ("compact escaped", ReaderDifferential.Compact(profile, relaxed: false)),
                ("compact relaxed", ReaderDifferential.Compact(profile, relaxed: true)),
            })
            {
                if (ReaderDifferential.Check(bytes, mustAccept: true) is { } failure)
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
            if (ReaderDifferential.Check(bytes, mustAccept: false) is { } failure)
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
        ReaderDifferential.Check(bytes, mustAccept: true).Should().BeNull();
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
        ReaderDifferential.Check(bytes, mustAccept: true).Should().BeNull();
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

    [Theory]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("-1e400", double.NegativeInfinity)]
    [InlineData("-0", -0.0)]
    [InlineData("1e-400", 0.0)]
    [InlineData("4.0000000000000000000000001", 4.0)]
    [InlineData("4.9e-324", double.Epsilon)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    [InlineData("0.30000000000000004", 0.30000000000000004)]
    public void TryRead_GpaNumberAtTheLimits_ReadsTheSerializersDouble(string number, double expected)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"education": [{"gpa": {{number}}}]}""");

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeTrue();

        BitConverter.DoubleToInt64Bits(profile!.Education[0].Gpa!.Value).Should().Be(BitConverter.DoubleToInt64Bits(expected));
        ReaderDifferential.Check(bytes, mustAccept: true).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(DeserializeContractTests.Timestamps), MemberType = typeof(DeserializeContractTests))]
    public void TryRead_Timestamp_ReadsAsTheConverterDoes(string timestamp, string? expectedUtc)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"last_updated": "{{timestamp}}"}""");

        var accepted = ProfileJsonReader.TryRead(bytes, out var profile);

        accepted.Should().Be(expectedUtc is not null);
        if (expectedUtc is not null)
        {
            profile!.LastUpdated.Kind.Should().Be(DateTimeKind.Utc);
            profile.LastUpdated.ToString("O", CultureInfo.InvariantCulture).Should().Be(expectedUtc);
        }

        ReaderDifferential.Check(bytes, mustAccept: expectedUtc is not null).Should().BeNull();
    }
}
