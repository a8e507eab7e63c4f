namespace AutoResumeFiller.Data.IO.Acl;

/// <summary>
/// What "private to the user" means on Windows (DESIGN §5, seed Task 4), as 0700/0600 mean it on POSIX: the data
/// directory has a protected DACL (nothing inherited from %APPDATA% or wherever it lives) granting full control to the
/// current user and SYSTEM only, inherited by every folder and file inside. Pure decisions, testable on any OS.
/// </summary>
internal static class PrivateAclPolicy
{
    /// <summary>The SID of the LocalSystem account (SYSTEM), which Windows services such as backup and indexing run as.</summary>
    public const string LocalSystemSid = "S-1-5-18";

    /// <summary>Folders and files inside inherit the data directory's rules.</summary>
    public const AclInheritance InheritedByEverything = AclInheritance.Containers | AclInheritance.Objects;

    /// <summary>The data directory's rules: full control for <paramref name="userSid"/> and SYSTEM, inherited by everything inside.</summary>
    public static IReadOnlyList<AclEntry> Desired(string userSid)
    {
        ArgumentException.ThrowIfNullOrEmpty(userSid);
        return userSid == LocalSystemSid ? [FullControl(userSid)] : [FullControl(userSid), FullControl(LocalSystemSid)];
    }

    /// <summary>
    /// A single file's rules where it lives, whatever its folder grants (the key file): full control for
    /// <paramref name="userSid"/> and SYSTEM, as <see cref="Desired"/>, without inheritance flags (Windows refuses them on a file).
    /// </summary>
    public static IReadOnlyList<AclEntry> DesiredForFile(string userSid) =>
        [.. Desired(userSid).Select(e => e with { Inheritance = AclInheritance.None })];

    /// <summary>
    /// Whether the data directory's DACL must be rewritten: it is not protected, inherits anything, or grants or denies
    /// anything other than <see cref="Desired"/> (another user, Everyone, Administrators, a narrower right for the user).
    /// Rules are compared as Windows stores them: one trustee's rules with the same flags are merged first.
    /// </summary>
    public static bool NeedsTightening(AclSnapshot current, string userSid)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!current.IsProtected || current.Entries.Any(e => e.IsInherited))
        {
            return true;
        }

        return !Merged(current.Entries).SetEquals(Merged(Desired(userSid)));
    }

    /// <summary>
    /// Whether a file or folder inside the data directory must be reset to inherit only: it has rules of its own (which
    /// could grant others access) or is protected from the data directory's rules.
    /// </summary>
    public static bool NeedsInheritOnly(AclSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.IsProtected || current.Entries.Any(e => !e.IsInherited);
    }

    private static AclEntry FullControl(string sid) =>
        new(sid, AclEntry.FullControl, Allow: true, InheritedByEverything, Propagation: 0, IsInherited: false);

    private static HashSet<AclEntry> Merged(IEnumerable<AclEntry> entries) =>
        [.. entries
            .GroupBy(e => (e.Sid, e.Allow, e.Inheritance, e.Propagation, e.IsInherited))
            .Select(g => g.First() with { Rights = g.Aggregate(0, (rights, e) => rights | e.Rights) })];
}
