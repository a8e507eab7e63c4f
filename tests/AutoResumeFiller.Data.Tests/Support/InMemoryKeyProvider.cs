namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>An application-supplied key provider (as an OS keychain would be): the ring lives in memory.</summary>
internal sealed class InMemoryKeyProvider : IEncryptionKeyProvider
{
    public EncryptionKeyRing Ring { get; set; } = EncryptionKeyRing.CreateNew(ManagerTestContext.Start);

    public int Saves { get; private set; }

    public EncryptionKeyRing GetKeyRing() => Ring;

    public void SaveKeyRing(EncryptionKeyRing keyRing)
    {
        Ring = keyRing;
        Saves++;
    }
}
