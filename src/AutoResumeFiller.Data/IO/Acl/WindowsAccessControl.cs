using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace AutoResumeFiller.Data.IO.Acl;

/// <summary>The real DACLs, through <see cref="FileSystemAclExtensions"/> (in the BCL on Windows). Windows only.</summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsAccessControl : IAccessControl
{
    private readonly Lazy<string> _userSid = new(() =>
    {
        using var identity = WindowsIdentity.GetCurrent();
        return identity.User?.Value ?? throw new InvalidOperationException("The current Windows user has no SID.");
    });

    public string CurrentUserSid => _userSid.Value;

    public AclSnapshot Read(string path)
    {
        FileSystemSecurity security = Directory.Exists(path)
            ? new DirectoryInfo(path).GetAccessControl(AccessControlSections.Access)
            : new FileInfo(path).GetAccessControl(AccessControlSections.Access);
        var entries = security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier))
            .Cast<FileSystemAccessRule>()
            .Select(r => new AclEntry(r.IdentityReference.Value, (int)r.FileSystemRights, r.AccessControlType == AccessControlType.Allow, (AclInheritance)r.InheritanceFlags, (int)r.PropagationFlags, r.IsInherited))
            .ToList();
        return new AclSnapshot(security.AreAccessRulesProtected, entries);
    }

    public void Protect(string folder, IReadOnlyList<AclEntry> entries) =>
        // Written by name (SetNamedSecurityInfo), which also makes the children re-inherit the new rules.
        new DirectoryInfo(folder).SetAccessControl(Protected(new DirectorySecurity(), entries));

    public void ProtectFile(string file, IReadOnlyList<AclEntry> entries) =>
        new FileInfo(file).SetAccessControl(Protected(new FileSecurity(), entries));

    public void InheritOnly(string path)
    {
        if (Directory.Exists(path))
        {
            var folder = new DirectoryInfo(path);
            var security = folder.GetAccessControl(AccessControlSections.Access);
            RemoveExplicitRules(security);
            folder.SetAccessControl(security);
        }
        else
        {
            var file = new FileInfo(path);
            var security = file.GetAccessControl(AccessControlSections.Access);
            RemoveExplicitRules(security);
            file.SetAccessControl(security);
        }
    }

    /// <summary>Fills <paramref name="security"/> with exactly <paramref name="entries"/>, protected from inheritance.</summary>
    private static T Protected<T>(T security, IReadOnlyList<AclEntry> entries)
        where T : FileSystemSecurity
    {
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        foreach (var entry in entries)
        {
            security.AddAccessRule(new FileSystemAccessRule(
                new SecurityIdentifier(entry.Sid),
                (FileSystemRights)entry.Rights,
                (InheritanceFlags)entry.Inheritance,
                (PropagationFlags)entry.Propagation,
                entry.Allow ? AccessControlType.Allow : AccessControlType.Deny));
        }

        return security;
    }

    private static void RemoveExplicitRules(FileSystemSecurity security)
    {
        security.SetAccessRuleProtection(isProtected: false, preserveInheritance: false);
        foreach (var rule in security.GetAccessRules(includeExplicit: true, includeInherited: false, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>())
        {
            security.RemoveAccessRuleSpecific(rule);
        }
    }
}
