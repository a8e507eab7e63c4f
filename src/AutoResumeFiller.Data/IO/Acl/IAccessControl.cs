namespace AutoResumeFiller.Data.IO.Acl;

/// <summary>
/// The seam between the ACL decisions (<see cref="PrivateAclPolicy"/>, <see cref="PrivateDirectoryAcl"/>) and Windows:
/// reading and writing DACLs. <see cref="WindowsAccessControl"/> is the real one; tests supply a fake on any OS.
/// </summary>
internal interface IAccessControl
{
    /// <summary>Gets the SID of the user this process runs as.</summary>
    string CurrentUserSid { get; }

    /// <summary>Reads the DACL of the file or folder at <paramref name="path"/>.</summary>
    AclSnapshot Read(string path);

    /// <summary>Replaces the folder's DACL with a protected one holding exactly <paramref name="entries"/> (children re-inherit).</summary>
    void Protect(string folder, IReadOnlyList<AclEntry> entries);

    /// <summary>Replaces the file's DACL with a protected one holding exactly <paramref name="entries"/>: nothing is inherited from its folder.</summary>
    void ProtectFile(string file, IReadOnlyList<AclEntry> entries);

    /// <summary>Removes the explicit rules of the file or folder at <paramref name="path"/> and unprotects it, so it only inherits.</summary>
    void InheritOnly(string path);
}
