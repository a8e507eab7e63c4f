using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

public class MalformedJsonTests
{
    private const string Prefix = "Failed to parse user_profile.json: ";

    public static TheoryData<string, byte[]> MalformedFiles => new()
    {
        { "empty file", [] },
        { "whitespace only", Utf8(" \n\t ") },
        { "literal null", Utf8("null") },
        { "literal null with spaces", Utf8("  null\n") },
        { "array instead of object", Utf8("[]") },
        { "string instead of object", Utf8("\"profile\"") },
        { "number instead of object", Utf8("42") },
        { "truncated in list", Utf8("{\"version\": \"1.0\", \"skills\": [\"C#\"") },
        { "truncated in string", Utf8("{\"version\": \"1.") },
        { "truncated after key", Utf8("{\"version\"") },
        { "trailing comma in object", Utf8("{\"version\": \"1.0\",}") },
        { "trailing comma in list", Utf8("{\"skills\": [\"a\",]}") },
        { "comment", Utf8("{// note\n\"version\": \"1.0\"}") },
        { "single quotes", Utf8("{'version': '1.0'}") },
        { "unquoted key", Utf8("{version: \"1.0\"}") },
        { "NaN literal", Utf8("{\"education\": [{\"gpa\": NaN}]}") },
        { "two documents", Utf8("{} {}") },
        { "garbage after object", Utf8("{\"version\": \"1.0\"} x") },
        { "BOM prefix", [0xEF, 0xBB, 0xBF, .. Utf8("{\"version\": \"1.0\"}")] },
        { "UTF-16 file", Encoding.Unicode.GetBytes("{\"version\": \"1.0\"}") },
        { "invalid UTF-8 in known string", [.. Utf8("{\"version\": \""), 0xC3, 0x28, .. Utf8("\"}")] },
        { "invalid UTF-8 in unknown string", [.. Utf8("{\"extra\": \""), 0xFF, 0xFE, .. Utf8("\"}")] },
        { "invalid UTF-8 in key", [.. Utf8("{\""), 0xC0, 0xAF, .. Utf8("\": 1}")] },
        { "lone surrogate escape in known string", Utf8("{\"summary\": \"\\uD800\"}") },
        { "control character in string", Utf8("{\"summary\": \"a\u0001b\"}") },
        { "invalid escape", Utf8("{\"summary\": \"\\q\"}") },
        { "duplicate known key", Utf8("{\"version\": \"1.0\", \"version\": \"2.0\"}") },
        { "duplicate known list key", Utf8("{\"skills\": [], \"skills\": [\"a\"]}") },
        { "duplicate nested known key", Utf8("{\"personal_info\": {\"email\": \"a@b.co\", \"email\": \"c@d.co\"}}") },
        { "duplicate unknown key", Utf8("{\"extra\": 1, \"extra\": 2}") },
        { "duplicate key inside unknown object", Utf8("{\"extra\": {\"a\": 1, \"a\": 2}}") },
        { "depth 65 in unknown value", Utf8("{\"extra\": " + new string('[', 64) + new string(']', 64) + "}") },
        { "depth 1000 in unknown value", Utf8("{\"extra\": " + new string('[', 1000) + new string(']', 1000) + "}") },
        { "bad timestamp", Utf8("{\"last_updated\": \"yesterday\"}") },
        { "number timestamp", Utf8("{\"last_updated\": 1732874400}") },
        { "null timestamp", Utf8("{\"last_updated\": null}") },
        { "overlong timestamp", Utf8("{\"last_updated\": \"" + new string('2', 100) + "\"}") },
    };

    public static TheoryData<string, string> WrongTypes => new()
    {
        { """{"version": 1}""", "$.version" },
        { """{"summary": 12}""", "$.summary" },
        { """{"personal_info": {"first_name": 42}}""", "$.personal_info.first_name" },
        { """{"personal_info": {"first_name": "A", "email": true}}""", "$.personal_info.email" },
        { """{"personal_info": []}""", "$.personal_info" },
        { """{"personal_info": "Ada"}""", "$.personal_info" },
        { """{"education": [{"gpa": "3.8"}]}""", "$.education[0].gpa" },
        { """{"education": [{}, {"gpa": true}]}""", "$.education[1].gpa" },
        { """{"education": [{"gpa": {}}]}""", "$.education[0].gpa" },
        { """{"education": {}}""", "$.education" },
        { """{"education": [{"honors": "Cum laude"}]}""", "$.education[0].honors" },
        { """{"education": [{"start_date": 202001}]}""", "$.education[0].start_date" },
        { """{"work_experience": [{"responsibilities": "Everything"}]}""", "$.work_experience[0].responsibilities" },
        { """{"work_experience": [{"responsibilities": [1]}]}""", "$.work_experience[0].responsibilities[0]" },
        { """{"skills": {"c#": 5}}""", "$.skills" },
        { """{"skills": "C#"}""", "$.skills" },
        { """{"skills": [["C#"]]}""", "$.skills[0]" },
        { """{"projects": ["Engine"]}""", "$.projects[0]" },
        { """{"certifications": [{"url": ["x"]}]}""", "$.certifications[0].url" },
        { """{"last_updated": "yesterday"}""", "$.last_updated" },
        { """{"last_updated": 1732874400}""", "$.last_updated" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Deserialize_MalformedFile_ThrowsProfileCorrupted(string scenario, byte[] content)
    {
        var act = () => UserProfileSerializer.Deserialize(content);

        var ex = act.Should().Throw<ProfileCorruptedException>(scenario).Which;
        ex.Message.Should().StartWith(Prefix);
        ex.Message.Length.Should().BeGreaterThan(Prefix.Length);
        ex.AvailableBackups.Should().BeEmpty();
        ex.InnerException.Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void Deserialize_WrongType_MessageNamesJsonPathAndLine(string json, string path)
    {
        var act = () => Profiles.Parse(json);

        var ex = act.Should().Throw<ProfileCorruptedException>().Which;
        ex.Message.Should().StartWith(Prefix);
        ex.Message.Should().Contain($"Path: {path} | LineNumber: 0 | BytePositionInLine: ");
        ex.InnerException.Should().BeOfType<JsonException>().Which.Path.Should().Be(path);
    }

    [Fact]
    public void Deserialize_WrongTypeOnLaterLine_ReportsZeroBasedLineNumber()
    {
        var json = "{\n  \"version\": \"1.0\",\n  \"education\": [\n    {\n      \"gpa\": \"3.8\"\n    }\n  ]\n}\n";

        var act = () => Profiles.Parse(json);

        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().Be(
            Prefix + "The JSON value could not be converted to System.Nullable`1[System.Double]. Path: $.education[0].gpa | LineNumber: 4 | BytePositionInLine: 18.");
    }

    [Fact]
    public void Deserialize_TrailingComma_ReportsLineAndPosition()
    {
        var act = () => Profiles.Parse("{\n  \"version\": \"1.0\",\n}");

        var message = act.Should().Throw<ProfileCorruptedException>().Which.Message;
        message.Should().StartWith(Prefix);
        message.Should().Contain("LineNumber: 2 | BytePositionInLine: 0.");
    }

    [Fact]
    public void Deserialize_LiteralNull_ExplainsNull()
    {
        var act = () => Profiles.Parse("null");

        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().StartWith(
            Prefix + "The file contains 'null' instead of a profile object.");
    }

    [Fact]
    public void Deserialize_BadTimestamp_MessageNamesValueAndPath()
    {
        var act = () => Profiles.Parse("{\n\"last_updated\": \"yesterday\"}");

        var message = act.Should().Throw<ProfileCorruptedException>().Which.Message;
        message.Should().StartWith(Prefix + "'yesterday' is not an ISO-8601 timestamp.");
        message.Should().Contain("Path: $.last_updated | LineNumber: 1 | BytePositionInLine: ");
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-00:01")]
    public void Deserialize_TimestampOutsideTheRangeInUtc_IsRefusedNotShifted(string timestamp)
    {
        // DateTime.TryParseExact read the first as 0001-01-01T23:00Z, a day-time that never was.
        var act = () => Profiles.Parse($$"""{"last_updated": "{{timestamp}}"}""");

        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().StartWith(Prefix + $"'{timestamp}' is not an ISO-8601 timestamp.");
    }

    [Fact]
    public void Deserialize_DuplicateKey_MessageNamesTheKey()
    {
        var act = () => Profiles.Parse("""{"version": "1.0", "version": "2.0"}""");

        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().StartWith(Prefix).And.Contain("version");
    }

    [Fact]
    public void Deserialize_InvalidUtf8InUnknownValue_ReportsByteAndLineInsteadOfReplacingIt()
    {
        byte[] content = [.. Utf8("{\n  \"version\": \"1.0\",\n  \"extra\": \"ab"), 0xFF, .. Utf8("\"\n}")];

        var act = () => UserProfileSerializer.Deserialize(content);

        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().Be(
            Prefix + "The file is not valid UTF-8: invalid byte 0xFF. LineNumber: 2 | BytePositionInLine: 14.");
    }

    [Fact]
    public void Deserialize_TruncatedMultiByteCharacterAtEnd_ThrowsProfileCorrupted()
    {
        byte[] content = [.. Utf8("{\"summary\": \"caf"), 0xC3];

        var act = () => UserProfileSerializer.Deserialize(content);

        act.Should().Throw<ProfileCorruptedException>().Which.Message.Should().Be(
            Prefix + "The file is not valid UTF-8: invalid byte 0xC3. LineNumber: 0 | BytePositionInLine: 16.");
    }

    [Fact]
    public void Deserialize_Depth64UnknownValue_IsAccepted()
    {
        var json = "{\"extra\": " + new string('[', 63) + new string(']', 63) + "}";

        var profile = Profiles.Parse(json);

        profile.AdditionalProperties!["extra"].ValueKind.Should().Be(JsonValueKind.Array);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
