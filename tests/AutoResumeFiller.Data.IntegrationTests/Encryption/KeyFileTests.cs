using System.Text;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests.Encryption;

/// <summary>Issue 19: the key file on the real file system (modes, concurrent first use) and DPAPI on Windows.</summary>
public sealed class KeyFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void KeyFile_FirstUse_CreatesFile0600InNewFolder0700()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("POSIX file modes do not exist on Windows (use WindowsDataProtection there)");
        }

        var path = _temp.Combine("keys", "ring.json");

        EncryptionKeyProviders.KeyFile(path).GetKeyRing();

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(path)!).Should().Be(DataDirectoryChecks.PrivateFolder);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().ContainSingle("no temp file is left");
    }

    [Fact]
    public void KeyFile_ManyProvidersFirstUseAtOnce_AllGetTheOneRingWritten()
    {
        var path = _temp.Combine("race", "ring.json");

        var ids = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => EncryptionKeyProviders.KeyFile(path).GetKeyRing().CurrentKey.Id)
            .ToList();

        ids.Distinct().Should().ContainSingle("creation never replaces a ring another writer created first");
        EncryptionKeyProviders.KeyFile(path).GetKeyRing().CurrentKey.Id.Should().Be(ids[0]);
    }

    [Fact]
    public void WindowsDataProtection_RoundTrips_AndStoresNoReadableKeyMaterial()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Skip("DPAPI (System.Security.Cryptography.ProtectedData) exists only on Windows; runs on the windows-latest CI leg");
        }

        var path = _temp.Combine("dpapi", "ring.bin");

        var ring = EncryptionKeyProviders.WindowsDataProtection(path).GetKeyRing();

        var stored = File.ReadAllBytes(path);
        stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(ring.CurrentKey.Id)).Should().Be(-1);
        stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Convert.ToBase64String(ring.CurrentKey.Material))).Should().Be(-1);
        EncryptionKeyProviders.WindowsDataProtection(path).GetKeyRing().CurrentKey.Id.Should().Be(ring.CurrentKey.Id);
        var asPlainFile = () => EncryptionKeyProviders.KeyFile(path).GetKeyRing();
        asPlainFile.Should().Throw<UserDataException>().WithMessage("Key file * cannot be read: *");
    }
}
