using System.IO.Abstractions.TestingHelpers;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.IO.Acl;
using AutoResumeFiller.Data.Tests.IO.Acl;
using AutoResumeFiller.Data.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AutoResumeFiller.Data.Tests.Encryption;

/// <summary>
/// DESIGN §10 on Windows: the key file is user-only (a protected DACL of the user and SYSTEM) wherever it lives, through
/// the ACL seam (the real DACLs: WindowsAclTests, on the windows-latest CI leg).
/// </summary>
public sealed class KeyRingFileAclTests
{
    private const string Folder = "/home/user/.config/autoresumefiller";
    private const string KeyPath = Folder + "/keys.json";
    private readonly MockFileSystem _fs = MockFileSystems.WithFreeSpace();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeAccessControl _acl = new(PrivateAclPolicyTests.User);

    [Fact]
    public void GetKeyRing_NewFolder_GetsTheProtectedUserOnlyAcl()
    {
        Provider().GetKeyRing();

        _acl.Calls.Should().Contain($"protect {Folder}");
        _acl.Get(Folder).Should().BeEquivalentTo(new AclSnapshot(true, PrivateAclPolicy.Desired(PrivateAclPolicyTests.User)));
    }

    [Fact]
    public void GetKeyRing_ExistingFolder_LeavesTheFolderAloneAndProtectsTheKeyFile()
    {
        _fs.Directory.CreateDirectory(Folder);

        Provider().GetKeyRing();

        _acl.Calls.Should().NotContain(c => c.StartsWith("protect ", StringComparison.Ordinal) || c.StartsWith("inherit-only", StringComparison.Ordinal), "the folder is the user's");
        var protectedFile = _acl.Calls.Should().ContainSingle(c => c.StartsWith("protect-file ", StringComparison.Ordinal)).Which["protect-file ".Length..];
        _acl.Get(protectedFile).Should().BeEquivalentTo(new AclSnapshot(true, PrivateAclPolicy.DesiredForFile(PrivateAclPolicyTests.User)));
    }

    [Fact]
    public void GetKeyRing_NewKeyFile_IsProtectedBeforeItTakesItsName()
    {
        _fs.Directory.CreateDirectory(Folder);
        var seen = RecordProtectedFiles();

        Provider().GetKeyRing();

        var (path, bytes, keyFileExisted) = seen.Should().ContainSingle().Subject;
        _fs.Path.GetDirectoryName(path).Should().Be(Folder);
        _fs.Path.GetFileName(path).Should().StartWith(".keys.json.").And.EndWith(".tmp");
        keyFileExisted.Should().BeFalse("the DACL is set on the temp file, which a rename keeps");
        bytes.Should().Equal(_fs.File.ReadAllBytes(KeyPath), "the protected file is the one that became the key file");
        _fs.File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void SaveKeyRing_ExistingKeyFile_EveryNewVersionIsProtected()
    {
        _fs.Directory.CreateDirectory(Folder);
        var provider = Provider();
        var ring = provider.GetKeyRing();
        var seen = RecordProtectedFiles();

        provider.SaveKeyRing(ring.WithCurrentKey(EncryptionKey.Generate(_time.GetUtcNow())));
        provider.SaveKeyRing(provider.GetKeyRing().WithCurrentKey(EncryptionKey.Generate(_time.GetUtcNow())));

        seen.Should().HaveCount(2).And.OnlyContain(s => s.Path.EndsWith(".tmp", StringComparison.Ordinal) && s.KeyFileExisted);
        seen[^1].Bytes.Should().Equal(_fs.File.ReadAllBytes(KeyPath));
        Provider().GetKeyRing().Keys.Should().HaveCount(3);
    }

    [Fact]
    public void SaveKeyRing_AclAccessDenied_ThrowsAccessDeniedOnTheKeyFileAndKeepsTheOldRing()
    {
        var provider = Provider();
        var ring = provider.GetKeyRing();
        var before = _fs.File.ReadAllBytes(KeyPath);
        _acl.FailProtectWith = new UnauthorizedAccessException("Attempted to perform an unauthorized operation.");

        var act = () => provider.SaveKeyRing(ring.WithCurrentKey(EncryptionKey.Generate(_time.GetUtcNow())));

        act.Should().Throw<DataAccessDeniedException>().Which.Path.Should().Be(KeyPath);
        _fs.File.ReadAllBytes(KeyPath).Should().Equal(before);
        _fs.Directory.GetFiles(Folder).Should().Equal([KeyPath], "the temp file is removed");
    }

    [Fact]
    public void GetKeyRing_AclCannotBeApplied_StillCreatesTheKeyFile()
    {
        _fs.Directory.CreateDirectory(Folder);
        _acl.FailProtectWith = new IOException("The request is not supported."); // FAT: no ACLs

        var ring = Provider().GetKeyRing();

        Provider().GetKeyRing().CurrentKey.Id.Should().Be(ring.CurrentKey.Id);
        _fs.Directory.GetFiles(Folder).Should().Equal([KeyPath]);
    }

    [Fact]
    public void TryGetKeyRing_ExistingKeyFile_ChangesNoAcl()
    {
        Provider().GetKeyRing();
        _acl.Calls.Clear();

        Provider().TryGetKeyRing();

        _acl.Calls.Should().BeEmpty("reading changes nothing on disk, ACLs included");
    }

    private KeyRingFileProvider Provider() => new(KeyPath, null, _fs, _time, ManagerPlatforms.Create(OSFamily.Linux), _acl);

    private List<(string Path, byte[] Bytes, bool KeyFileExisted)> RecordProtectedFiles()
    {
        var seen = new List<(string Path, byte[] Bytes, bool KeyFileExisted)>();
        _acl.OnProtectFile = path => seen.Add((path, _fs.File.ReadAllBytes(path), _fs.File.Exists(KeyPath)));
        return seen;
    }
}
