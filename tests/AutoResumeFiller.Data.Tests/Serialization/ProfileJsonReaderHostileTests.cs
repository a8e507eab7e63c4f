using System.Text;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The fast path <see cref="ProfileJsonReader"/> over hostile and damaged input: for each, it declines or gives exactly
/// System.Text.Json's profile, and <see cref="UserProfileSerializer.Deserialize"/> keeps System.Text.Json's error
/// messages (<see cref="ReaderDifferential"/>).
/// </summary>
public class ProfileJsonReaderHostileTests
{
    public static TheoryData<string> MutationBases => ["valid", "valid-compact", "python", "random", "python-app", "python-escaped-19kb"];

    // Hostile documents named by what they try; the fast path may decline any of them, but never differ.
    public static TheoryData<string, string> HostileDocuments => new()
    {
        { "bom", "\uFEFF{\"version\": \"1.0\"}" },
        { "trailing value", "{\"version\": \"1.0\"} {}" },
        { "trailing comma", "{\"version\": \"1.0\",}" },
        { "comment", "{\"version\": /* c */ \"1.0\"}" },
        { "escaped known name", "{\"\\u0076ersion\": \"1.0\", \"personal_info\": {\"\\u0066irst_name\": \"A\"}}" },
        { "escaped known name then duplicate", "{\"\\u0076ersion\": \"1.0\", \"version\": \"2.0\"}" },
        { "escaped values", "{\"summary\": \"\\u00e9\\u0000\\ud83d\\ude00\\/\\b\", \"skills\": [\"\\u0041\"]}" },
        { "lone high surrogate value", "{\"summary\": \"\\uD800\"}" },
        { "lone low surrogate in a list", "{\"skills\": [\"a\\uDC00\"]}" },
        { "lone surrogate in an unknown value", "{\"extra\": \"\\uD800\"}" },
        { "lone surrogate in a known name", "{\"version\\uD800\": \"1.0\"}" },
        { "long escaped name", "{\"" + string.Concat(Enumerable.Repeat("\\u0061", 40)) + "\": 1}" },
        { "deep unknown at the limit", "{\"deep\": " + new string('[', 63) + new string(']', 63) + "}" },
        { "deep unknown past the limit", "{\"deep\": " + new string('[', 64) + new string(']', 64) + "}" },
        { "deep unknown objects", "{\"personal_info\": {\"deep\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 62)) + "1" + new string('}', 62) + "}}" },
        { "duplicate deep inside an unknown value", "{\"extra\": [[{\"a\": {\"b\": 1, \"b\": 2}}]]}" },
        { "unknown named like the extension property", "{\"additional_properties\": {\"a\": 1}, \"AdditionalProperties\": 2}" },
        { "known name in another case", "{\"Version\": \"1.0\", \"VERSION\": 2}" },
        { "huge integer gpa", "{\"education\": [{\"gpa\": 123456789012345678901234567890}]}" },
        { "gpa past double", "{\"education\": [{\"gpa\": 1.7976931348623159e308}]}" },
        { "gpa below denormals", "{\"education\": [{\"gpa\": 5e-325}]}" },
        { "number in a string list", "{\"skills\": [\"a\", 1]}" },
        { "object where a string goes", "{\"summary\": {}}" },
        { "array where an object goes", "{\"personal_info\": []}" },
        { "timestamp with offset", "{\"last_updated\": \"2025-11-29T10:00:00+14:00\"}" },
        { "timestamp escaped", "{\"last_updated\": \"2025-11-29T10:00:00\\u005a\"}" },
        { "null root", "null" },
        { "array root", "[]" },
        { "truncated", "{\"version\": \"1.0\"" },
    };

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void TryRead_HostileDocument_MatchesSerializerOrDeclines(string what, string json)
    {
        var failure = ReaderDifferential.Check(Encoding.UTF8.GetBytes(json), mustAccept: false);

        failure.Should().BeNull(what);
    }

    [Theory]
    [MemberData(nameof(MutationBases))]
    public void TryRead_MutatedFiles_MatchSerializerOrDecline(string baseName)
    {
        var failures = new List<string>();
        var (cases, accepted, refusedBySerializer) = (0, 0, 0);
        foreach (var mutation in ProfileMutations.Generate(ReaderDifferential.Input(baseName), seed: 7))
        {
            cases++;
            if (ReaderDifferential.Check(mutation.Bytes, mustAccept: false) is { } failure)
            {
                failures.Add($"{mutation.Kind}: {failure}\n  input: {ReaderDifferential.Show(mutation.Bytes)}");
                continue;
            }

            accepted += ProfileJsonReader.TryRead(mutation.Bytes, out _) ? 1 : 0;
            refusedBySerializer += ReaderDifferential.SerializerRefuses(mutation.Bytes) ? 1 : 0;
        }

        failures.Take(20).Should().BeEmpty($"{failures.Count} of {cases} mutations failed");
        cases.Should().BeGreaterThan(4000);
        accepted.Should().BeGreaterThan(cases / 10);
        refusedBySerializer.Should().BeGreaterThan(cases / 10);
        TestContext.Current.TestOutputHelper?.WriteLine($"{cases} mutations: {accepted} read by the fast path, {refusedBySerializer} refused by the serializer.");
    }

    [Theory]
    [MemberData(nameof(DeserializeContractTests.RefusedInputs), MemberType = typeof(DeserializeContractTests))]
    public void TryRead_InputTheSerializerRefuses_Declines(string json, string details)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        ProfileJsonReader.TryRead(bytes, out var profile).Should().BeFalse(details);

        profile.Should().BeNull();
        ReaderDifferential.Check(bytes, mustAccept: false).Should().BeNull();
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
        ReaderDifferential.Check(bytes, mustAccept: true).Should().BeNull();
    }
}
