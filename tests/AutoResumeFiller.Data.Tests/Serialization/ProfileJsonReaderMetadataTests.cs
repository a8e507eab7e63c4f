using System.Text.Json;
using System.Text.Json.Serialization;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The fast path <see cref="ProfileJsonReader"/> pinned to the source-generated metadata it mirrors: its tables know
/// exactly the JSON names System.Text.Json maps, in the same order, and it reads with the serializer's reader options.
/// </summary>
public class ProfileJsonReaderMetadataTests
{
    [Theory]
    [InlineData(typeof(UserProfile))]
    [InlineData(typeof(PersonalInfo))]
    [InlineData(typeof(Education))]
    [InlineData(typeof(WorkExperience))]
    [InlineData(typeof(Project))]
    [InlineData(typeof(Certification))]
    public void KnownNames_AreTheSourceGeneratedPropertyNamesInOrder(Type model)
    {
        var metadata = ProfileJsonContext.Default.GetTypeInfo(model)!.Properties;

        ProfileJsonReader.KnownNames(model).Should().Equal(metadata.Where(p => !p.IsExtensionData).Select(p => p.Name));
        metadata.Should().ContainSingle(p => p.IsExtensionData);
        metadata.Should().OnlyContain(p => p.Set != null && !p.IsRequired && p.CustomConverter == null);
    }

    [Fact]
    public void KnownNames_EveryModelTheProfileHolds_HasATable()
    {
        var models = new[] { typeof(UserProfile), typeof(PersonalInfo), typeof(Education), typeof(WorkExperience), typeof(Project), typeof(Certification) };
        var reachable = ProfileJsonContext.Default.UserProfile.Properties
            .Select(p => p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments()[0] : p.PropertyType)
            .Where(t => t.Namespace == typeof(UserProfile).Namespace);

        models.Should().Contain(reachable);
        var act = () => ProfileJsonReader.KnownNames(typeof(string));
        act.Should().Throw<ArgumentOutOfRangeException>();
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
        options.NumberHandling.Should().Be(JsonNumberHandling.Strict);
        options.UnmappedMemberHandling.Should().Be(JsonUnmappedMemberHandling.Skip, "unknown properties go to the extension data");
    }
}
