using AutoResumeFiller.Data.IO.Acl;

namespace AutoResumeFiller.Data.Tests.IO.Acl;

/// <summary>The Windows ACL decisions, checked on any OS: what the data directory's DACL must be, and when to rewrite one.</summary>
public class PrivateAclPolicyTests
{
    internal const string User = "S-1-5-21-1004336348-1177238915-682003330-1001";
    internal const string OtherUser = "S-1-5-21-1004336348-1177238915-682003330-1002";
    internal const string Everyone = "S-1-1-0";
    internal const string Administrators = "S-1-5-32-544";
    private const AclInheritance Both = AclInheritance.Containers | AclInheritance.Objects;

    [Fact]
    public void Desired_ForAUser_IsFullControlForTheUserAndSystemInheritedByEverything()
    {
        PrivateAclPolicy.Desired(User).Should().Equal(
            new AclEntry(User, AclEntry.FullControl, true, Both, 0, false),
            new AclEntry("S-1-5-18", AclEntry.FullControl, true, Both, 0, false));
    }

    [Fact]
    public void Desired_WhenRunningAsSystem_HasOneRule()
    {
        PrivateAclPolicy.Desired("S-1-5-18").Should().ContainSingle().Which.Sid.Should().Be("S-1-5-18");
    }

    [Fact]
    public void DesiredForFile_ForAUser_IsFullControlForTheUserAndSystemWithoutInheritanceFlags()
    {
        PrivateAclPolicy.DesiredForFile(User).Should().Equal(
            new AclEntry(User, AclEntry.FullControl, true, AclInheritance.None, 0, false),
            new AclEntry("S-1-5-18", AclEntry.FullControl, true, AclInheritance.None, 0, false));
    }

    [Fact]
    public void NeedsTightening_ExactlyTheDesiredProtectedAcl_IsFalse()
    {
        PrivateAclPolicy.NeedsTightening(new AclSnapshot(true, PrivateAclPolicy.Desired(User)), User).Should().BeFalse();
    }

    [Fact]
    public void NeedsTightening_DesiredRulesInAnotherOrderOrSplitRights_IsFalse()
    {
        var split = new List<AclEntry>
        {
            Full("S-1-5-18"),
            Full(User) with { Rights = AclEntry.FullControl & ~0x1 },
            Full(User) with { Rights = 0x1 },
        };

        PrivateAclPolicy.NeedsTightening(new AclSnapshot(true, split), User).Should().BeFalse();
    }

    [Fact]
    public void NeedsTightening_AppDataDefaultInheritingFromTheParent_IsTrue()
    {
        // A folder made in %APPDATA% inherits the user, SYSTEM and Administrators; it is not protected.
        var inherited = new List<AclEntry> { Full(User) with { IsInherited = true }, Full("S-1-5-18") with { IsInherited = true }, Full(Administrators) with { IsInherited = true } };

        PrivateAclPolicy.NeedsTightening(new AclSnapshot(false, inherited), User).Should().BeTrue();
    }

    public static TheoryData<string> BroaderOrWrong => ["everyone read", "administrators", "other user", "deny", "user read only", "inherited", "not protected", "system missing"];

    [Theory]
    [MemberData(nameof(BroaderOrWrong))]
    public void NeedsTightening_AnyOtherAcl_IsTrue(string kind)
    {
        var entries = PrivateAclPolicy.Desired(User).ToList();
        var isProtected = true;
        switch (kind)
        {
            case "everyone read": entries.Add(Full(Everyone) with { Rights = 0x1200A9 }); break;
            case "administrators": entries.Add(Full(Administrators)); break;
            case "other user": entries.Add(Full(OtherUser)); break;
            case "deny": entries.Add(Full(OtherUser) with { Allow = false }); break;
            case "user read only": entries[0] = entries[0] with { Rights = 0x1200A9 }; break;
            case "inherited": entries.Add(Full("S-1-5-18") with { IsInherited = true }); break;
            case "not protected": isProtected = false; break;
            default: entries.RemoveAt(1); break;
        }

        PrivateAclPolicy.NeedsTightening(new AclSnapshot(isProtected, entries), User).Should().BeTrue(kind);
    }

    [Fact]
    public void NeedsTightening_RuleNotInheritedByFiles_IsTrue()
    {
        var entries = new List<AclEntry> { Full(User) with { Inheritance = AclInheritance.Containers }, Full("S-1-5-18") };

        PrivateAclPolicy.NeedsTightening(new AclSnapshot(true, entries), User).Should().BeTrue();
    }

    [Fact]
    public void NeedsInheritOnly_OnlyInheritedRules_IsFalse()
    {
        var inherited = PrivateAclPolicy.Desired(User).Select(e => e with { IsInherited = true }).ToList();

        PrivateAclPolicy.NeedsInheritOnly(new AclSnapshot(false, inherited)).Should().BeFalse();
    }

    [Fact]
    public void NeedsInheritOnly_ExplicitRuleOrProtected_IsTrue()
    {
        var inherited = PrivateAclPolicy.Desired(User).Select(e => e with { IsInherited = true }).ToList();

        PrivateAclPolicy.NeedsInheritOnly(new AclSnapshot(false, [.. inherited, Full(Everyone)])).Should().BeTrue();
        PrivateAclPolicy.NeedsInheritOnly(new AclSnapshot(true, inherited)).Should().BeTrue();
    }

    internal static AclEntry Full(string sid) => new(sid, AclEntry.FullControl, true, Both, 0, false);
}
