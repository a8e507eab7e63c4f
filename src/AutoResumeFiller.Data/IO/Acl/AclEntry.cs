namespace AutoResumeFiller.Data.IO.Acl;

/// <summary>Which children inherit a rule; the values of Windows' <c>InheritanceFlags</c> (which CA1416 keeps to Windows code).</summary>
[Flags]
internal enum AclInheritance
{
    None = 0,
    Containers = 1,
    Objects = 2,
}

/// <summary>
/// One access rule of a Windows DACL, in plain values (the SID as a string, rights as Windows' <c>FileSystemRights</c>
/// mask, propagation as its <c>PropagationFlags</c>), so the decisions about it can be made and tested on any OS; only
/// <see cref="WindowsAccessControl"/> turns it into a real <c>FileSystemAccessRule</c>.
/// </summary>
/// <param name="Sid">The trustee's security identifier, such as <c>S-1-5-18</c>.</param>
/// <param name="Rights">The rights granted or denied (a <c>FileSystemRights</c> mask).</param>
/// <param name="Allow">Whether the rule allows (true) or denies.</param>
/// <param name="Inheritance">Which children inherit the rule.</param>
/// <param name="Propagation">How it propagates (a <c>PropagationFlags</c> mask; 0 = to every level).</param>
/// <param name="IsInherited">Whether the rule comes from a parent rather than being set on this object.</param>
internal sealed record AclEntry(string Sid, int Rights, bool Allow, AclInheritance Inheritance, int Propagation, bool IsInherited)
{
    /// <summary>Windows' <c>FileSystemRights.FullControl</c>.</summary>
    public const int FullControl = 0x1F01FF;
}

/// <summary>A file's or folder's DACL: whether it is protected from inheritance, and its rules.</summary>
/// <param name="IsProtected">Whether the DACL ignores the parent's inheritable rules.</param>
/// <param name="Entries">Every rule, explicit and inherited.</param>
internal sealed record AclSnapshot(bool IsProtected, IReadOnlyList<AclEntry> Entries);
