using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.IO.Acl;
using AutoResumeFiller.Data.Tests.Support;

namespace AutoResumeFiller.Data.Tests.IO.Acl;

/// <summary>When the manager sets and tightens the Windows ACL (through the seam; the real ACLs: WindowsAclTests, on Windows).</summary>
public class PrivateDirectoryAclTests
{
    private const string User = PrivateAclPolicyTests.User;

    [Fact]
    public void InitializeDataDirectory_NewDirectory_ProtectsTheRootBeforeCreatingAnythingInside()
    {
        var acl = new FakeAccessControl(User);
        var context = new ManagerTestContext(os: OSFamily.Windows, accessControl: acl);

        context.Manager.InitializeDataDirectory();

        acl.Calls.Should().Equal($"read {ManagerTestContext.Root}", $"protect {ManagerTestContext.Root}");
        acl.Get(ManagerTestContext.Root).Should().BeEquivalentTo(new AclSnapshot(true, PrivateAclPolicy.Desired(User)));
    }

    [Fact]
    public void InitializeDataDirectory_ExistingDirectoryWithABroaderAcl_TightensItAndResetsContentsWithRulesOfTheirOwn()
    {
        var acl = new FakeAccessControl(User);
        var context = new ManagerTestContext(os: OSFamily.Windows, accessControl: acl);
        context.WriteFile("resumes/cv.pdf", "cv");
        context.WriteFile("config.yaml", "x: 1");
        var inheritedOnly = new AclSnapshot(false, [PrivateAclPolicyTests.Full(User) with { IsInherited = true }]);
        acl.Set(context.PathOf("config.yaml"), inheritedOnly);
        acl.Set(context.PathOf("resumes"), new AclSnapshot(false, [PrivateAclPolicyTests.Full(PrivateAclPolicyTests.Everyone)]));
        acl.Set(context.PathOf("resumes/cv.pdf"), new AclSnapshot(true, [PrivateAclPolicyTests.Full(User)]));

        context.Manager.InitializeDataDirectory();

        acl.Calls.Should().Contain($"protect {ManagerTestContext.Root}")
            .And.Contain($"inherit-only {context.PathOf("resumes")}")
            .And.Contain($"inherit-only {context.PathOf("resumes/cv.pdf")}")
            .And.NotContain($"inherit-only {context.PathOf("config.yaml")}");
        context.Logger.Collector.GetSnapshot().Count(r => r.Id.Id == 19).Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void InitializeDataDirectory_AlreadyPrivate_ChangesNoAcl()
    {
        var acl = new FakeAccessControl(User);
        var context = new ManagerTestContext(os: OSFamily.Windows, accessControl: acl);
        context.Manager.InitializeDataDirectory();
        acl.Default = new AclSnapshot(false, [PrivateAclPolicyTests.Full(User) with { IsInherited = true }]);
        acl.Calls.Clear();

        context.Manager.InitializeDataDirectory();

        acl.Calls.Should().NotContain(c => c.StartsWith("protect", StringComparison.Ordinal) || c.StartsWith("inherit-only", StringComparison.Ordinal));
    }

    [Fact]
    public void SaveUserProfile_ExistingDirectory_ReadsNoAcl()
    {
        var acl = new FakeAccessControl(User);
        var context = new ManagerTestContext(os: OSFamily.Windows, accessControl: acl);
        context.Manager.InitializeDataDirectory();
        acl.Calls.Clear();

        context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile());

        acl.Calls.Should().BeEmpty("a save does not pay for ACL checks; initialization tightens");
    }

    [Fact]
    public void SaveUserProfile_CreatingTheDirectory_ProtectsIt()
    {
        var acl = new FakeAccessControl(User);
        var context = new ManagerTestContext(os: OSFamily.Windows, accessControl: acl);

        FluentActions.Invoking(() => context.Manager.SaveUserProfile(ManagerTestContext.ValidProfile())).Should().NotThrow();

        acl.Calls.Should().Contain($"protect {ManagerTestContext.Root}");
    }

    [Fact]
    public void InitializeDataDirectory_AclAccessDenied_ThrowsDataAccessDenied()
    {
        var acl = new FakeAccessControl(User) { FailProtectWith = new UnauthorizedAccessException("denied") };
        var context = new ManagerTestContext(os: OSFamily.Windows, accessControl: acl);

        FluentActions.Invoking(() => context.Manager.InitializeDataDirectory()).Should().ThrowExactly<DataAccessDeniedException>()
            .Which.Path.Should().Be(ManagerTestContext.Root);
    }

    [Fact]
    public void InitializeDataDirectory_AclCannotBeWritten_WarnsAndGoesOn()
    {
        var acl = new FakeAccessControl(User) { FailProtectWith = new IOException("not supported by this file system") };
        var context = new ManagerTestContext(os: OSFamily.Windows, accessControl: acl);

        context.Manager.InitializeDataDirectory();

        context.FileSystem.File.Exists(context.ProfilePath).Should().BeTrue();
        context.Logger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == 30);
    }

    [Fact]
    public void ForPlatform_MockFileSystemOrNotWindows_IsNull()
    {
        PrivateDirectoryAcl.ForPlatform(new FaultInjectingFileSystem(), ManagerPlatforms.Create(OSFamily.Windows)).Should().BeNull();
        PrivateDirectoryAcl.ForPlatform(new System.IO.Abstractions.FileSystem(), ManagerPlatforms.Create(OSFamily.Linux)).Should().BeNull();
    }
}
