using System.Security.Cryptography;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data.Tests.Encryption;

public sealed class CipherCacheTests
{
    private static readonly EncryptionKeyRing Ring = EncryptionKeyRing.CreateNew(DateTimeOffset.UnixEpoch);

    [Fact]
    public void Decrypt_WithCache_RoundTripsRepeatedlyAndAcrossFiles()
    {
        var cache = new CipherCache();
        var first = RandomNumberGenerator.GetBytes(30_000);
        var second = RandomNumberGenerator.GetBytes(70_000);
        var a = EncryptedPayload.Encrypt(first, Ring.CurrentKey, FileRole.Profile, "p");
        var b = EncryptedPayload.Encrypt(second, Ring.CurrentKey, FileRole.Profile, "p");

        EncryptedPayload.Decrypt(a, Ring, FileRole.Profile, "p", cache).Should().Equal(first);
        EncryptedPayload.Decrypt(a, Ring, FileRole.Profile, "p", cache).Should().Equal(first);
        EncryptedPayload.Decrypt(b, Ring, FileRole.Profile, "p", cache).Should().Equal(second);
        EncryptedPayload.Decrypt(a, Ring, FileRole.Profile, "p", cache).Should().Equal(first);
    }

    [Fact]
    public void Decrypt_CachedCipherSameHeaderTamperedBody_StillFails()
    {
        var cache = new CipherCache();
        var file = EncryptedPayload.Encrypt(RandomNumberGenerator.GetBytes(1000), Ring.CurrentKey, FileRole.Profile, "p");
        EncryptedPayload.Decrypt(file, Ring, FileRole.Profile, "p", cache);
        file[^30] ^= 1;

        var act = () => EncryptedPayload.Decrypt(file, Ring, FileRole.Profile, "p", cache);

        act.Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }

    [Fact]
    public void Decrypt_CachedCipherButKeyWithSameIdDiffers_Fails()
    {
        var cache = new CipherCache();
        var file = EncryptedPayload.Encrypt(RandomNumberGenerator.GetBytes(1000), Ring.CurrentKey, FileRole.Profile, "p");
        EncryptedPayload.Decrypt(file, Ring, FileRole.Profile, "p", cache);
        var impostor = new EncryptionKey(Ring.CurrentKey.Id, DateTimeOffset.UnixEpoch, RandomNumberGenerator.GetBytes(32));

        var act = () => EncryptedPayload.Decrypt(file, new EncryptionKeyRing([impostor], impostor.Id), FileRole.Profile, "p", cache);

        act.Should().Throw<DataDecryptionException>().WithMessage(DataDecryptionException.AuthenticationFailedMessage);
    }
}
