using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using AutoResumeFiller.Data.IntegrationTests.Support;

namespace AutoResumeFiller.Data.IntegrationTests;

/// <summary>
/// Issue 15, seed Task 4 on real Windows ACLs: the data directory's DACL is protected and grants full control to the
/// current user and SYSTEM only; everything inside inherits it; initialization tightens a broader one. DESIGN §10: the
/// key file gets the same user-only protection of its own, wherever it lives. Windows only:
/// these run on the windows-latest leg of .github/workflows/ci.yml (which checks that they did) and skip elsewhere.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsAclTests : IDisposable
{
    private const string SkipReason = "real Windows ACLs exist on Windows only; these tests run on the windows-latest leg of .github/workflows/ci.yml";
    private static SecurityIdentifier LocalSystem => new(WellKnownSidType.LocalSystemSid, null);
    private static SecurityIdentifier Everyone => new(WellKnownSidType.WorldSid, null);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void InitializeDataDirectory_NewDirectory_GetsAProtectedAclOfTheUserAndSystemOnly()
    {
        SkipUnlessWindows();
        var root = _temp.Combine("data");

        Managers.Initialized(root);

        var security = new DirectoryInfo(root).GetAccessControl();
        security.AreAccessRulesProtected.Should().BeTrue();
        var rules = Rules(security);
        rules.Should().OnlyContain(r => !r.IsInherited && r.AccessControlType == AccessControlType.Allow);
        rules.Select(r => r.IdentityReference).Should().BeEquivalentTo(new[] { CurrentUser(), LocalSystem });
        rules.Should().OnlyContain(r => r.FileSystemRights.HasFlag(FileSystemRights.FullControl)
            && r.InheritanceFlags == (InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit));
        AssertInheritsOnly(root);
    }

    [Fact]
    public void InitializeDataDirectory_ExistingDirectoryGrantingEveryone_IsTightenedContentsIncluded()
    {
        SkipUnlessWindows();
        var root = _temp.Combine("shared");
        var resumes = Directory.CreateDirectory(Path.Combine(root, "resumes"));
        var cv = Path.Combine(resumes.FullName, "cv.pdf");
        File.WriteAllText(cv, "cv");
        var rootSecurity = new DirectoryInfo(root).GetAccessControl();
        rootSecurity.AddAccessRule(new FileSystemAccessRule(Everyone, FileSystemRights.ReadAndExecute, InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
        new DirectoryInfo(root).SetAccessControl(rootSecurity);
        var fileSecurity = new FileInfo(cv).GetAccessControl();
        fileSecurity.SetAccessRuleProtection(isProtected: true, preserveInheritance: true);
        fileSecurity.AddAccessRule(new FileSystemAccessRule(Everyone, FileSystemRights.Read, AccessControlType.Allow));
        new FileInfo(cv).SetAccessControl(fileSecurity);

        Managers.Create(root).InitializeDataDirectory();

        var security = new DirectoryInfo(root).GetAccessControl();
        security.AreAccessRulesProtected.Should().BeTrue();
        Rules(security).Select(r => r.IdentityReference).Should().BeEquivalentTo(new[] { CurrentUser(), LocalSystem });
        AssertInheritsOnly(root);
        Rules(new FileInfo(cv).GetAccessControl()).Should().NotContain(r => r.IdentityReference.Equals(Everyone));
    }

    [Fact]
    public void SaveAndBackup_FilesCreatedInside_InheritThePrivateAcl()
    {
        SkipUnlessWindows();
        var root = _temp.Combine("data");
        var manager = Managers.Initialized(root);
        manager.SaveUserProfile(TestHost.SampleProfiles.Valid("again"));
        manager.BackupData("manual");

        AssertInheritsOnly(root);
    }

    [Fact]
    public void KeyFile_InAnExistingFolderGrantingEveryone_IsProtectedForTheUserAndSystemOnly_AfterEveryWrite()
    {
        SkipUnlessWindows();
        var folder = Directory.CreateDirectory(_temp.Combine("shared-keys"));
        var folderSecurity = folder.GetAccessControl();
        folderSecurity.AddAccessRule(new FileSystemAccessRule(Everyone, FileSystemRights.ReadAndExecute, InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
        folder.SetAccessControl(folderSecurity);
        var keyFile = Path.Combine(folder.FullName, "ring.json");
        var provider = EncryptionKeyProviders.KeyFile(keyFile);

        var ring = provider.GetKeyRing();
        AssertUserOnlyFile(keyFile);
        provider.SaveKeyRing(ring.WithCurrentKey(EncryptionKey.Generate(DateTimeOffset.UtcNow)));

        AssertUserOnlyFile(keyFile);
        Rules(folder.GetAccessControl()).Should().Contain(r => r.IdentityReference.Equals(Everyone), "the user's own folder is left as it is");
    }

    private static void SkipUnlessWindows()
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Skip(SkipReason);
        }
    }

    private static SecurityIdentifier CurrentUser()
    {
        using var identity = WindowsIdentity.GetCurrent();
        return identity.User!;
    }

    private static List<FileSystemAccessRule> Rules(FileSystemSecurity security) =>
        [.. security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>()];

    /// <summary>The file's DACL is protected and holds explicit full control for the user and SYSTEM only.</summary>
    private static void AssertUserOnlyFile(string path)
    {
        var security = new FileInfo(path).GetAccessControl();
        security.AreAccessRulesProtected.Should().BeTrue(path);
        var rules = Rules(security);
        rules.Should().OnlyContain(r => !r.IsInherited && r.AccessControlType == AccessControlType.Allow && r.FileSystemRights.HasFlag(FileSystemRights.FullControl), path);
        rules.Select(r => r.IdentityReference).Should().BeEquivalentTo(new[] { CurrentUser(), LocalSystem }, path);
    }

    /// <summary>Every folder and file inside has only inherited rules, all for the user or SYSTEM, and is not protected.</summary>
    private static void AssertInheritsOnly(string root)
    {
        var allowed = new[] { CurrentUser(), LocalSystem };
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            FileSystemSecurity security = Directory.Exists(path) ? new DirectoryInfo(path).GetAccessControl() : new FileInfo(path).GetAccessControl();
            security.AreAccessRulesProtected.Should().BeFalse(path);
            Rules(security).Should().OnlyContain(r => r.IsInherited && allowed.Contains(r.IdentityReference), path);
        }
    }
}
