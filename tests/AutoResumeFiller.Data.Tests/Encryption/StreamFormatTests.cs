using System.Security.Cryptography;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data.Tests.Encryption;

public sealed class StreamFormatTests
{
    private static readonly EncryptionKeyRing Ring = EncryptionKeyRing.CreateNew(DateTimeOffset.UnixEpoch);

    public static TheoryData<int> Sizes => new() { 0, 1, 1000, SegmentCipher.SegmentSize - 1, SegmentCipher.SegmentSize, SegmentCipher.SegmentSize + 1, (3 * SegmentCipher.SegmentSize) + 17 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EncryptPayload_ThenDecrypt_RoundTrips(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);

        var encrypted = EncryptedPayload.Encrypt(plaintext, Ring.CurrentKey, FileRole.Profile, "p");

        encrypted.Length.Should().Be((int)EncryptedPayload.EncryptedLength(size));
        EncryptedPayload.Decrypt(encrypted, Ring, FileRole.Profile, "p").Should().Equal(plaintext);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EncryptingStream_ReadByDecryptingStream_RoundTripsAndMatchesPayloadLength(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);
        var encrypted = StreamEncrypt(plaintext, writeChunk: 777);

        encrypted.Length.Should().Be((int)EncryptedPayload.EncryptedLength(size));
        EncryptedPayload.Decrypt(encrypted, Ring, FileRole.Backup, "b").Should().Equal(plaintext);
    }

    [Fact]
    public void DecryptingStream_Seek_ReadsAnyOffset()
    {
        var plaintext = RandomNumberGenerator.GetBytes((2 * SegmentCipher.SegmentSize) + 500);
        using var stream = DecryptingStream.Open(new MemoryStream(StreamEncrypt(plaintext, 4096)), Ring, FileRole.Backup, "b");
        var buffer = new byte[300];

        stream.Seek(SegmentCipher.SegmentSize - 100, SeekOrigin.Begin);
        stream.ReadExactly(buffer);

        buffer.Should().Equal(plaintext.AsSpan(SegmentCipher.SegmentSize - 100, 300).ToArray());
        stream.Seek(-10, SeekOrigin.End);
        stream.Read(buffer).Should().Be(10);
        stream.Read(buffer).Should().Be(0);
    }

    [Fact]
    public void EncryptingStream_DisposedWithoutFinish_LeavesAFileThatNeverAuthenticates()
    {
        var output = new MemoryStream();
        using (var stream = new EncryptingStream(output, Ring.CurrentKey, FileRole.Backup, "b", leaveOpen: true))
        {
            stream.Write(RandomNumberGenerator.GetBytes((2 * SegmentCipher.SegmentSize) + 10));
        }

        var act = () => EncryptedPayload.Decrypt(output.ToArray(), Ring, FileRole.Backup, "b");

        act.Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_GivesDifferentFiles()
    {
        var plaintext = "{\"first_name\":\"Ada\"}"u8.ToArray();

        EncryptedPayload.Encrypt(plaintext, Ring.CurrentKey, FileRole.Profile, "p")
            .Should().NotEqual(EncryptedPayload.Encrypt(plaintext, Ring.CurrentKey, FileRole.Profile, "p"));
    }

    [Fact]
    public void Encrypt_Header_NamesKeyIdAndHoldsNoPlaintext()
    {
        var plaintext = "Ada Lovelace ada@example.com"u8.ToArray();

        var encrypted = EncryptedPayload.Encrypt(plaintext, Ring.CurrentKey, FileRole.Profile, "p");

        StreamHeader.HasMagic(encrypted).Should().BeTrue();
        StreamHeader.KeyIdOf(encrypted).Should().Be(Ring.CurrentKey.Id);
        encrypted.AsSpan().IndexOf("Lovelace"u8).Should().Be(-1);
    }

    internal static byte[] StreamEncrypt(byte[] plaintext, int writeChunk, FileRole role = FileRole.Backup, EncryptionKey? key = null)
    {
        var output = new MemoryStream();
        using (var stream = new EncryptingStream(output, key ?? Ring.CurrentKey, role, "b", leaveOpen: true))
        {
            for (var offset = 0; offset < plaintext.Length; offset += writeChunk)
            {
                stream.Write(plaintext, offset, Math.Min(writeChunk, plaintext.Length - offset));
            }

            stream.Finish();
        }

        return output.ToArray();
    }
}
