using System.Buffers;
using System.Text.Json;
using AutoResumeFiller.Data.Serialization;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>
/// The two-thread writer of a large profile (<see cref="ProfileJsonWriter.Split"/>): the same bytes as one writer wherever
/// the threads meet, a failure in the helper's part thrown where one writer would throw it, and no misuse.
/// (<see cref="ProfileJsonWriterTests"/> runs every random and edge profile through it as well.)
/// </summary>
public class ProfileJsonWriterSplitTests
{
    [Fact]
    public void WriteSplit_LargeProfile_SameBytesAtEveryMeetingPointAndInParallel()
    {
        var profile = Large(itemsPerArray: 60);
        var expected = UserProfileSerializer.Serialize(profile);
        var chunks = 4 * (60 - 1); // items per chunk 1, every item but each array's first

        foreach (var helperFirst in new int?[] { 0, 1, chunks / 3, chunks / 2, chunks - 1, chunks, null, null, null })
        {
            Split(profile, itemsPerChunk: 1, helperFirst).Should().Equal(expected, $"the helper writing {helperFirst?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "in parallel"} chunks first");
        }

        for (var i = 0; i < 50; i++)
        {
            Split(profile, ProfileJsonWriter.Split.DefaultItemsPerChunk, helperChunksFirst: null).Should().Equal(expected, $"parallel run {i}");
        }
    }

    [Fact]
    public void Help_WritesFromTheBack_MainThreadCopiesItsChunksIn()
    {
        // The helper runs first and claims every chunk: the main thread writes only each array's first item.
        var profile = Large(itemsPerArray: 3);
        using var split = new ProfileJsonWriter.Split(profile, itemsPerChunk: 1);
        split.Help().Should().BeTrue();
        var buffer = new ArrayBufferWriter<byte>();

        split.Write(buffer);

        buffer.WrittenSpan.ToArray().Should().Equal(UserProfileSerializer.Serialize(profile)[..^1]);
    }

    [Fact]
    public void Help_CalledTwice_SecondCallDoesNothing()
    {
        var profile = Large(itemsPerArray: 3);
        using var split = new ProfileJsonWriter.Split(profile, itemsPerChunk: 1);
        split.Help(limit: 2);
        split.Help();
        var buffer = new ArrayBufferWriter<byte>();

        split.Write(buffer);

        buffer.WrittenSpan.ToArray().Should().Equal(UserProfileSerializer.Serialize(profile)[..^1], "the main thread wrote what the helper's first call left");
    }

    [Fact]
    public void Write_Twice_Throws()
    {
        using var split = new ProfileJsonWriter.Split(Large(itemsPerArray: 2));
        split.Write(new ArrayBufferWriter<byte>());

        FluentActions.Invoking(() => split.Write(new ArrayBufferWriter<byte>())).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void SerializeToBuffer_FailureInEitherThreadsPart_ThrowsTheSerializersException(int helperChunksFirst)
    {
        // Extension data too deep for the reader in the last work item: written by the helper when it goes first, by
        // the main thread otherwise. Either way the caller gets System.Text.Json's exception, as from one writer.
        var profile = Large(itemsPerArray: 5);
        var deep = new string('[', 64) + new string(']', 64);
        profile.WorkExperience[^1].AdditionalProperties = new() { ["d"] = JsonElement.Parse(deep, new JsonDocumentOptions { MaxDepth = 65 }) };
        using var split = new ProfileJsonWriter.Split(profile, itemsPerChunk: 1);
        split.Help(helperChunksFirst);

        var act = () => UserProfileSerializer.SerializeToBuffer(profile, new ArrayBufferWriter<byte>(), split);

        act.Should().ThrowExactly<JsonException>().Which.Message.Should().Be("The object or value could not be serialized. Path: $.WorkExperience.AdditionalProperties.");
    }

    [Fact]
    public void WriteSplit_ListChangedAfterThePlan_WritesThePlannedItems()
    {
        // The plan is taken when the split is made; the arrays are read by index, so an item added later is not half-written.
        var profile = Large(itemsPerArray: 4);
        using var split = new ProfileJsonWriter.Split(profile, itemsPerChunk: 1);
        var added = ManagerTestContext.ValidProfile().WorkExperience[0];
        profile.WorkExperience.Add(added);
        var buffer = new ArrayBufferWriter<byte>();

        split.Write(buffer);

        UserProfileSerializer.Deserialize(buffer.WrittenSpan).WorkExperience.Should().HaveCount(4);
    }

    private static byte[] Split(UserProfile profile, int itemsPerChunk, int? helperChunksFirst)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ProfileJsonWriter.WriteSplit(buffer, profile, itemsPerChunk, helperChunksFirst);
        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static UserProfile Large(int itemsPerArray)
    {
        var random = new ValidRandomProfiles(seed: itemsPerArray);
        var profile = random.Next();
        profile.Education.Clear();
        profile.WorkExperience.Clear();
        profile.Projects.Clear();
        profile.Certifications.Clear();
        while (profile.WorkExperience.Count < itemsPerArray)
        {
            var more = random.Next();
            profile.Education.AddRange(more.Education);
            profile.WorkExperience.AddRange(more.WorkExperience);
            profile.Projects.AddRange(more.Projects);
            profile.Certifications.AddRange(more.Certifications);
            profile.Education.Add(null!); // null items are written as null by both writers
        }

        foreach (var list in new System.Collections.IList[] { profile.Education, profile.WorkExperience, profile.Projects, profile.Certifications })
        {
            while (list.Count < itemsPerArray)
            {
                list.Add(null);
            }

            while (list.Count > itemsPerArray)
            {
                list.RemoveAt(list.Count - 1);
            }
        }

        return profile;
    }
}
