using System.Diagnostics;
using AutoResumeFiller.Data.Benchmarks.Support;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data.Benchmarks;

/// <summary>Where an encrypted load's extra time goes (<c>--enc-breakdown</c>): encrypt, decrypt, key ring, per-file key set-up, bare AES-GCM of the 30 KB profile.</summary>
internal static class EncBreakdown
{
    public static int Run()
    {
        var json = UserProfileSerializer.Serialize(ProfileGenerator.Typical());
        var ring = EncryptionKeyRing.CreateNew(DateTimeOffset.UtcNow);
        var enc = EncryptedPayload.Encrypt(json, ring.CurrentKey, FileRole.Profile, "p");
        var provider = EncryptionKeyProviders.KeyFile("/tmp/i19-kb/ring.json");
        provider.GetKeyRing();
        void T(string name, Action a) { for (int i = 0; i < 20000; i++) a(); var sw = Stopwatch.StartNew(); for (int i = 0; i < 20000; i++) a(); Console.WriteLine($"{name}: {sw.Elapsed.TotalMicroseconds / 20000:F2} us"); }
        Console.WriteLine($"json {json.Length} bytes");
        T("encrypt", () => EncryptedPayload.Encrypt(json, ring.CurrentKey, FileRole.Profile, "p"));
        T("decrypt", () => EncryptedPayload.Decrypt(enc, ring, FileRole.Profile, "p"));
        T("getkeyring", () => provider.GetKeyRing());
        T("exists", () => File.Exists("/tmp/i19-kb/ring.json"));
        T("hkdf+aes ctor", () => { using var c = new SegmentCipher(StreamHeader.Parse(enc, "p"), ring.CurrentKey, FileRole.Profile, "p"); });
        var aes = new System.Security.Cryptography.AesGcm(new byte[32], 16);
        var nonce = new byte[12]; var tag = new byte[16]; var ct = new byte[json.Length]; var pt = new byte[json.Length];
        aes.Encrypt(nonce, json, ct, tag);
        T("raw AesGcm.Decrypt 33KB", () => aes.Decrypt(nonce, ct, tag, pt));
        T("raw AesGcm.Encrypt 33KB", () => aes.Encrypt(nonce, json, ct, tag));
        return 0;
    }
}
