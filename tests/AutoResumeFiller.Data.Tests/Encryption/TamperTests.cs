using System.Security.Cryptography;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>Every region of an encrypted file, changed, fails authentication with §10's message.</summary>
public sealed class TamperTests
{
    private const int Sealed = SegmentCipher.SealedSegmentSize;
    private static readonly EncryptionKeyRing Ring = EncryptionKeyRing.CreateNew(DateTimeOffset.UnixEpoch);
    private static readonly byte[] Plaintext = RandomNumberGenerator.GetBytes((3 * SegmentCipher.SegmentSize) + 1234);
    private static readonly byte[] Encrypted = StreamFormatTests.StreamEncrypt(Plaintext, 10_000, FileRole.Backup, Ring.CurrentKey);

    public static TheoryData<string, int> FlippedBytes => new()
    {
        { "magic", 0 },
        { "version", 4 },
        { "algorithm", 5 },
        { "salt", 20 },
        { "nonce prefix", 50 },
        { "first segment body", StreamHeader.Size + 10 },
        { "first segment tag", StreamHeader.Size + Sealed - 1 },
        { "middle segment body", StreamHeader.Size + Sealed + 5 },
        { "last segment body", Encrypted.Length - 100 },
        { "last segment tag", Encrypted.Length - 1 },
    };

    [Theory]
    [MemberData(nameof(FlippedBytes))]
    public void Decrypt_FlippedByte_ThrowsAuthenticationFailed(string region, int offset)
    {
        var tampered = (byte[])Encrypted.Clone();
        tampered[offset] ^= 0x01;

        Decrypting(tampered).Should().Throw<DataDecryptionException>(region).WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Decrypt_KeyIdChangedToAnotherKeyOfTheRing_ThrowsAuthenticationFailed()
    {
        var other = EncryptionKey.Generate(DateTimeOffset.UnixEpoch);
        var ring = Ring.WithCurrentKey(other);
        var tampered = (byte[])Encrypted.Clone();
        Convert.FromHexString(other.Id).CopyTo(tampered, 6);

        Decrypting(tampered, ring).Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(Sealed)]
    [InlineData(Sealed + 1234 + 16)]
    public void Decrypt_Truncated_ThrowsAuthenticationFailed(int removed)
    {
        Decrypting(Encrypted[..^removed]).Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(StreamHeader.Size - 1)]
    [InlineData(StreamHeader.Size)]
    public void Decrypt_CutInsideOrRightAfterHeader_ThrowsAuthenticationFailed(int length)
    {
        Decrypting(Encrypted[..length]).Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(Sealed)]
    public void Decrypt_BytesAppended_ThrowsAuthenticationFailed(int appended)
    {
        Decrypting([.. Encrypted, .. new byte[appended]]).Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Decrypt_SegmentsSwapped_ThrowsAuthenticationFailed()
    {
        var tampered = (byte[])Encrypted.Clone();
        Encrypted.AsSpan(StreamHeader.Size, Sealed).CopyTo(tampered.AsSpan(StreamHeader.Size + Sealed));
        Encrypted.AsSpan(StreamHeader.Size + Sealed, Sealed).CopyTo(tampered.AsSpan(StreamHeader.Size));

        Decrypting(tampered).Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Decrypt_MiddleSegmentDropped_ThrowsAuthenticationFailed()
    {
        byte[] tampered = [.. Encrypted.AsSpan(0, StreamHeader.Size + Sealed), .. Encrypted.AsSpan(StreamHeader.Size + (2 * Sealed))];

        Decrypting(tampered).Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Decrypt_SegmentFromAnotherFileOfSameKey_ThrowsAuthenticationFailed()
    {
        var other = StreamFormatTests.StreamEncrypt(Plaintext, 10_000, FileRole.Backup, Ring.CurrentKey);
        var tampered = (byte[])Encrypted.Clone();
        other.AsSpan(StreamHeader.Size + Sealed, Sealed).CopyTo(tampered.AsSpan(StreamHeader.Size + Sealed));

        Decrypting(tampered).Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Decrypt_AsAnotherRole_ThrowsAuthenticationFailed()
    {
        var act = () => EncryptedPayload.Decrypt(Encrypted, Ring, FileRole.Profile, "p");

        act.Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Decrypt_KeyNotInRing_ThrowsKeyNotFoundNamingTheKey()
    {
        var otherRing = EncryptionKeyRing.CreateNew(DateTimeOffset.UnixEpoch);

        var thrown = Decrypting(Encrypted, otherRing).Should().Throw<DataDecryptionException>().Which;

        thrown.Message.Should().Be(DataDecryptionException.KeyNotFoundMessage);
        thrown.KeyId.Should().Be(Ring.CurrentKey.Id);
        thrown.Suggestion.Should().Contain("key file");
    }

    [Fact]
    public void Decrypt_SameIdButWrongKeyBytes_ThrowsAuthenticationFailed()
    {
        var impostor = new EncryptionKey(Ring.CurrentKey.Id, DateTimeOffset.UnixEpoch, RandomNumberGenerator.GetBytes(32));

        Decrypting(Encrypted, new EncryptionKeyRing([impostor], impostor.Id))
            .Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void AuthenticateAll_UnreadMiddleSegmentTampered_Throws()
    {
        var tampered = (byte[])Encrypted.Clone();
        tampered[StreamHeader.Size + Sealed + 5] ^= 0x80;
        using var stream = DecryptingStream.Open(new MemoryStream(tampered), Ring, FileRole.Backup, "b");
        stream.Seek(-5, SeekOrigin.End);
        stream.ReadExactly(new byte[5]);

        stream.Invoking(s => s.AuthenticateAll()).Should().Throw<DataDecryptionException>();
    }

    private static Action Decrypting(byte[] file, EncryptionKeyRing? ring = null) =>
        () => EncryptedPayload.Decrypt(file, ring ?? Ring, FileRole.Backup, "b");
}
