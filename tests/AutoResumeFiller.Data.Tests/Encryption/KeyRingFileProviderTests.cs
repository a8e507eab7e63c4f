using System.IO.Abstractions.TestingHelpers;
using System.Security.Cryptography;
using System.Text;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.Tests.Encryption;

public sealed class KeyRingFileProviderTests
{
    private const string KeyPath = "/home/user/.config/autoresumefiller/keys.json";
    private readonly MockFileSystem _fs = MockFileSystems.WithFreeSpace();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GetKeyRing_NoFile_CreatesFileWithOneRandom256BitKey()
    {
        var ring = Provider().GetKeyRing();

        ring.Keys.Should().ContainSingle().Which.Should().BeSameAs(ring.CurrentKey);
        ring.CurrentKey.Material.Length.Should().Be(32);
        ring.CurrentKey.CreatedAt.Should().Be(_time.GetUtcNow());
        _fs.File.Exists(KeyPath).Should().BeTrue();
        _fs.Directory.GetFiles("/home/user/.config/autoresumefiller").Should().ContainSingle("no temp file is left");
    }

    [Fact]
    public void TryGetKeyRing_NoFile_ReturnsNullAndCreatesNothing()
    {
        var before = _fs.AllPaths.ToList();

        var ring = Provider().TryGetKeyRing();

        ring.Should().BeNull();
        _fs.AllPaths.Should().Equal(before, "neither the key file nor its folder is created");
    }

    [Fact]
    public void TryGetKeyRing_FileExists_ReadsTheSameRingAsGetKeyRing()
    {
        var created = Provider().GetKeyRing();

        var read = Provider().TryGetKeyRing();

        read!.CurrentKey.Id.Should().Be(created.CurrentKey.Id);
        read.CurrentKey.Material.ToArray().Should().Equal(created.CurrentKey.Material.ToArray());
    }

    [Fact]
    public void TryGetKeyRing_FileDeletedAfterItWasCached_ReturnsNull()
    {
        var provider = Provider();
        provider.GetKeyRing();
        _fs.File.Delete(KeyPath);

        provider.TryGetKeyRing().Should().BeNull("a key file that was moved away is missing, whatever was cached");
        _fs.File.Exists(KeyPath).Should().BeFalse();
    }

    [Fact]
    public void GetKeyRing_TwoProviders_ReadTheSameKeys()
    {
        var first = Provider().GetKeyRing();

        var second = Provider().GetKeyRing();

        second.CurrentKey.Id.Should().Be(first.CurrentKey.Id);
        second.CurrentKey.Material.ToArray().Should().Equal(first.CurrentKey.Material.ToArray());
    }

    [Fact]
    public void GetKeyRing_TwoNewProviders_GiveDifferentKeys()
    {
        var first = Provider().GetKeyRing();
        var second = new KeyRingFileProvider("/elsewhere/keys.json", null, _fs, _time, ManagerPlatforms.Create(OSFamily.Linux)).GetKeyRing();

        second.CurrentKey.Material.ToArray().Should().NotEqual(first.CurrentKey.Material.ToArray());
    }

    [Fact]
    public void GetKeyRing_AfterAnotherProviderSaved_SeesTheNewRing()
    {
        var provider = Provider();
        var before = provider.GetKeyRing();
        var other = Provider();
        _time.Advance(TimeSpan.FromSeconds(2));
        other.SaveKeyRing(before.WithCurrentKey(EncryptionKey.Generate(_time.GetUtcNow())));
        _fs.File.SetLastWriteTimeUtc(KeyPath, DateTime.UtcNow.AddSeconds(5));

        var after = provider.GetKeyRing();

        after.Keys.Should().HaveCount(2);
        after.CurrentKey.Id.Should().NotBe(before.CurrentKey.Id);
        after.FindKey(before.CurrentKey.Id).Should().NotBeNull();
    }

    [Fact]
    public void GetKeyRing_CorruptFile_ThrowsAndLeavesItAlone()
    {
        _fs.AddFile(KeyPath, new MockFileData("{ not a key ring"));

        var act = () => Provider().GetKeyRing();

        act.Should().Throw<UserDataException>().WithMessage($"Key file '{KeyPath}' cannot be read: *")
            .Which.Suggestion.Should().Contain("copy of the key file");
        _fs.File.ReadAllText(KeyPath).Should().Be("{ not a key ring");
    }

    [Theory]
    [InlineData("{\"format\":\"autoresumefiller-keyring\",\"version\":2,\"current_key_id\":\"0011223344556677\",\"keys\":[]}")]
    [InlineData("{\"format\":\"autoresumefiller-keyring\",\"version\":1,\"current_key_id\":\"0011223344556677\",\"keys\":[]}")]
    [InlineData("{\"format\":\"autoresumefiller-keyring\",\"version\":1,\"current_key_id\":\"0011223344556677\",\"keys\":[{\"id\":\"0011223344556677\",\"created_at\":\"2026-01-01T00:00:00Z\",\"key\":\"AAAA\"}]}")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}")]
    public void GetKeyRing_InvalidRing_Throws(string json)
    {
        _fs.AddFile(KeyPath, new MockFileData(json));

        var act = () => Provider().GetKeyRing();

        act.Should().Throw<UserDataException>().WithMessage("Key file * cannot be read: *");
    }

    [Fact]
    public void SaveKeyRing_ThenGet_RoundTripsEveryKey()
    {
        var ring = EncryptionKeyRing.CreateNew(_time.GetUtcNow()).WithCurrentKey(EncryptionKey.Generate(_time.GetUtcNow().AddDays(1)));

        Provider().SaveKeyRing(ring);
        var read = Provider().GetKeyRing();

        read.CurrentKey.Id.Should().Be(ring.CurrentKey.Id);
        read.Keys.Select(k => (k.Id, k.CreatedAt, Convert.ToHexString(k.Material))).Should()
            .Equal(ring.Keys.Select(k => (k.Id, k.CreatedAt, Convert.ToHexString(k.Material))));
    }

    [Fact]
    public void Protector_WrapsTheStoredBytes_AndRoundTrips()
    {
        var protector = new XorProtector();
        var provider = new KeyRingFileProvider(KeyPath, protector, _fs, _time, ManagerPlatforms.Create(OSFamily.Linux));

        var ring = provider.GetKeyRing();

        var stored = _fs.File.ReadAllBytes(KeyPath);
        stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(ring.CurrentKey.Id)).Should().Be(-1, "the file holds only the protected form");
        protector.Unprotected.Should().Be(0);
        new KeyRingFileProvider(KeyPath, protector, _fs, _time, ManagerPlatforms.Create(OSFamily.Linux)).GetKeyRing().CurrentKey.Id.Should().Be(ring.CurrentKey.Id);
        protector.Unprotected.Should().Be(1);
    }

    [Fact]
    public void Protector_CannotUnprotect_ThrowsCannotBeRead()
    {
        Provider().GetKeyRing();
        var provider = new KeyRingFileProvider(KeyPath, new FailingProtector(), _fs, _time, ManagerPlatforms.Create(OSFamily.Linux));

        var act = () => provider.GetKeyRing();

        act.Should().Throw<UserDataException>().WithMessage("Key file * cannot be read: *").WithInnerException<CryptographicException>();
    }

    [Fact]
    public void KeyFile_BlankPath_ThrowsArgumentException()
    {
        var act = () => EncryptionKeyProviders.KeyFile(" ");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void KeyFile_TildePath_ExpandsToHome()
    {
        var provider = new KeyRingFileProvider("~/keys.json", null, _fs, _time, ManagerPlatforms.Create(OSFamily.Linux));

        provider.Path.Should().Be("/home/user/keys.json");
    }

    private KeyRingFileProvider Provider() => new(KeyPath, null, _fs, _time, ManagerPlatforms.Create(OSFamily.Linux));

    private sealed class XorProtector : IKeyRingProtector
    {
        public int Unprotected { get; private set; }

        public byte[] Protect(byte[] keyRingJson) => [.. keyRingJson.Select(b => (byte)(b ^ 0x5A))];

        public byte[] Unprotect(byte[] stored)
        {
            Unprotected++;
            return [.. stored.Select(b => (byte)(b ^ 0x5A))];
        }
    }

    private sealed class FailingProtector : IKeyRingProtector
    {
        public byte[] Protect(byte[] keyRingJson) => keyRingJson;

        public byte[] Unprotect(byte[] stored) => throw new CryptographicException("Key not valid for use in specified state.");
    }
}
