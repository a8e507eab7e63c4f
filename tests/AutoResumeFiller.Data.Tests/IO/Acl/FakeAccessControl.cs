using AutoResumeFiller.Data.IO.Acl;

namespace AutoResumeFiller.Data.Tests.IO.Acl;

/// <summary>An in-memory DACL per path, recording every call: the manager's ACL logic tested on any OS.</summary>
internal sealed class FakeAccessControl(string userSid) : IAccessControl
{
    private readonly Dictionary<string, AclSnapshot> _acls = new(StringComparer.Ordinal);

    public string CurrentUserSid => userSid;

    public List<string> Calls { get; } = [];

    /// <summary>What a path without a set ACL reads as: inheriting Everyone from its parent (a shared folder).</summary>
    public AclSnapshot Default { get; set; } = new(false, [PrivateAclPolicyTests.Full(PrivateAclPolicyTests.Everyone) with { IsInherited = true }]);

    public Exception? FailProtectWith { get; set; }

    public void Set(string path, AclSnapshot acl) => _acls[path] = acl;

    public AclSnapshot Get(string path) => _acls.GetValueOrDefault(path, Default);

    public AclSnapshot Read(string path)
    {
        Calls.Add($"read {path}");
        return Get(path);
    }

    public void Protect(string folder, IReadOnlyList<AclEntry> entries)
    {
        Calls.Add($"protect {folder}");
        if (FailProtectWith is { } error)
        {
            throw error;
        }

        _acls[folder] = new AclSnapshot(true, entries);
    }

    /// <summary>Runs at each <see cref="ProtectFile"/> call, before it takes effect (to look at the file at that moment).</summary>
    public Action<string>? OnProtectFile { get; set; }

    public void ProtectFile(string file, IReadOnlyList<AclEntry> entries)
    {
        Calls.Add($"protect-file {file}");
        OnProtectFile?.Invoke(file);
        if (FailProtectWith is { } error)
        {
            throw error;
        }

        _acls[file] = new AclSnapshot(true, entries);
    }

    public void InheritOnly(string path)
    {
        Calls.Add($"inherit-only {path}");
        _acls[path] = new AclSnapshot(false, []);
    }
}
