using System.IO.Abstractions;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.IO.Acl;

/// <summary>
/// Makes the data directory private on Windows, as <see cref="PosixPermissions"/> does on POSIX: a protected DACL for the
/// current user and SYSTEM only (<see cref="PrivateAclPolicy"/>), inherited by everything inside. Does nothing without
/// an <see cref="IAccessControl"/> (other OSes, a mock file system).
/// </summary>
internal sealed class PrivateDirectoryAcl(IFileSystem fileSystem, IAccessControl? accessControl, ILogger logger)
{
    /// <summary>
    /// The real access control for the real file system on Windows; null elsewhere, and for a mock file system (whose
    /// paths are not on the disk). The OperatingSystem check lets the platform analyzer (CA1416) prove no other OS gets here.
    /// </summary>
    public static IAccessControl? ForPlatform(IFileSystem fileSystem, PlatformEnvironment platform) =>
        fileSystem is FileSystem && platform.IsWindows && platform.IsNative && OperatingSystem.IsWindows() ? new WindowsAccessControl() : null;

    /// <summary>
    /// Gives <paramref name="root"/> the private DACL if it has any other; with <paramref name="includeContents"/> (an
    /// existing directory being tightened), also makes every file and folder inside inherit it only. A folder whose DACL
    /// cannot be changed because access is denied is a <see cref="DataAccessDeniedException"/>; an entry inside is logged.
    /// </summary>
    public void MakePrivate(string root, bool includeContents)
    {
        if (accessControl is null)
        {
            return;
        }

        try
        {
            var userSid = accessControl.CurrentUserSid;
            if (PrivateAclPolicy.NeedsTightening(accessControl.Read(root), userSid))
            {
                accessControl.Protect(root, PrivateAclPolicy.Desired(userSid));
                Log.AclTightened(logger, root);
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataAccessDeniedException(root, ex);
        }
        catch (Exception ex) when (CannotBeApplied(ex))
        {
            // As with a chmod that fails: the data stays usable, and the warning says it is not private.
            Log.AclNotApplied(logger, root, ex);
            return;
        }

        if (includeContents)
        {
            ResetContents(root);
        }
    }

    /// <summary>
    /// Whether <paramref name="ex"/> says a DACL cannot be applied here (a file system without ACLs, a trustee that does
    /// not resolve) rather than that access is denied: the file stays usable, and a warning says it is not private.
    /// </summary>
    public static bool CannotBeApplied(Exception ex) =>
        ex is IOException or PlatformNotSupportedException or InvalidOperationException or ArgumentException;

    private void ResetContents(string root)
    {
        foreach (var path in Contents(root))
        {
            try
            {
                if (PrivateAclPolicy.NeedsInheritOnly(accessControl!.Read(path)))
                {
                    accessControl.InheritOnly(path);
                    Log.AclTightened(logger, path);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException or ArgumentException)
            {
                Log.AclNotApplied(logger, path, ex);
            }
        }
    }

    /// <summary>Every folder and file under <paramref name="root"/>, parents first, never following links out of it.</summary>
    private IEnumerable<string> Contents(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (var item in fileSystem.DirectoryInfo.New(pending.Pop()).EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                if (item.LinkTarget is not null)
                {
                    continue;
                }

                yield return item.FullName;
                if (item is IDirectoryInfo)
                {
                    pending.Push(item.FullName);
                }
            }
        }
    }
}
