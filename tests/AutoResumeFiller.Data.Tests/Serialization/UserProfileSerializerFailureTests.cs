using System.Text.Json;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// What JSON cannot hold (a non-finite number, an unwritable or too deep unknown property) fails every serialization
/// path with the serializer's own exception, and nothing deeper than the reader accepts is ever written.
/// </summary>
public class UserProfileSerializerFailureTests
{
    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udc00b\"")]
    [InlineData("{\"\\ud800\": 1}")]
    public void Serialize_EscapedLoneSurrogateInExtensionData_ThrowsLikeSerializer(string json)
    {
        // Such a value loads (unknown values are kept undecoded) but the serializer cannot write it back.
        var profile = new UserProfile { AdditionalProperties = new() { ["x"] = JsonElement.Parse(json) } };

        SerializerPaths.TrySerializeWithSerializer(profile, out _, out var error).Should().BeFalse();
        error.Should().BeOfType<JsonException>().Which.Message.Should().Be("The object or value could not be serialized. Path: $.AdditionalProperties.");
        SerializerPaths.AssertSameFailure(profile, error, json);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Serialize_NonFiniteGpa_ThrowsLikeSerializer(double gpa)
    {
        var profile = new UserProfile { Education = [new Education { Gpa = gpa }] };

        SerializerPaths.TrySerializeWithSerializer(profile, out _, out var error).Should().BeFalse();
        error.Should().BeOfType<ArgumentException>();
        SerializerPaths.AssertSameFailure(profile, error, "gpa");
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
            SerializerPaths.TrySerializeWithSerializer(profile, out _, out var error).Should().BeFalse();
            error.Should().BeAssignableTo<InvalidOperationException>(name);
            SerializerPaths.AssertSameFailure(profile, error, name);
        }
    }

    public static TheoryData<string> ObjectLevels => ["$", "$.PersonalInfo", "$.Education", "$.WorkExperience", "$.Projects", "$.Certifications"];

    [Theory]
    [MemberData(nameof(ObjectLevels))]
    public void SerializeToBuffer_ExtensionDataDeeperThanReaderAllows_ThrowsSerializerJsonException(string level)
    {
        // Regression: the manager's buffer path wrote up to 1000 levels (a file the reader then refused); now 64, as Serialize(Stream) always had.
        var profile = WithExtensionAt(level, Nested(64));

        var act = () => SerializerPaths.SerializeToBuffer(profile);

        var error = act.Should().ThrowExactly<JsonException>().Which;
        error.Message.Should().Be($"The object or value could not be serialized. Path: {level}.AdditionalProperties.");
        error.InnerException.Should().BeOfType<InvalidOperationException>()
            .Which.Message.Should().Be("CurrentDepth (64) is equal to or larger than the maximum allowed depth of 64. Cannot write the next JSON object or array.");
        SerializerPaths.AssertSameFailure(profile, error, level);
    }

    [Fact]
    public void SerializeToBuffer_ExtensionDataAtMaximumDepth_WritesWhatTheReaderReadsBack()
    {
        var profile = WithExtensionAt("$", Nested(63));

        var bytes = SerializerPaths.SerializeToBuffer(profile);

        SerializerPaths.AssertSameAsSerializer(profile, "depth 64");
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
}
