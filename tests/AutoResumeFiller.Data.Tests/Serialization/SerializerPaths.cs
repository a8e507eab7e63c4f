using System.Buffers;
using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Tests.Serialization;

/// <summary>Compares the library's serialization paths with the source-generated serializer writing to a stream.</summary>
internal static class SerializerPaths
{
    public static byte[] SerializeToBuffer(UserProfile profile)
    {
        var buffer = new ArrayBufferWriter<byte>();
        UserProfileSerializer.SerializeToBuffer(profile, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    // The source-generated serializer writing to a stream with its own options, plus "\n".
    public static bool TrySerializeWithSerializer(UserProfile profile, out byte[] bytes, out Exception error)
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

    public static void AssertSameAsSerializer(UserProfile profile, string because)
    {
        TrySerializeWithSerializer(profile, out var expected, out var error).Should().BeTrue($"{because}: {error}");
        AssertSameBytes(expected, SerializeToBuffer(profile), because);
        AssertSameBytes(expected, UserProfileSerializer.Serialize(profile), because);
        using var stream = new MemoryStream();
        UserProfileSerializer.Serialize(profile, stream);
        AssertSameBytes(expected, stream.ToArray(), because);
    }

    public static void AssertSameFailure(UserProfile profile, Exception expected, string because)
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
