using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>Protects the key ring with DPAPI for the current Windows user: the file is useless to another user or on another machine.</summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsDataProtectionProtector : IKeyRingProtector
{
    // Entropy ties the blob to this purpose, so another application's DPAPI blob of the same user cannot stand in for it.
    private static readonly byte[] Entropy = Encoding.ASCII.GetBytes("AutoResumeFiller.Data key ring v1");

    public byte[] Protect(byte[] keyRingJson) => ProtectedData.Protect(keyRingJson, Entropy, DataProtectionScope.CurrentUser);

    public byte[] Unprotect(byte[] stored) => ProtectedData.Unprotect(stored, Entropy, DataProtectionScope.CurrentUser);
}
