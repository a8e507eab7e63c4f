using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.IO.Acl;

/// <summary>
/// Makes one file private on Windows where it lives, whatever its folder grants, as 0600 does on POSIX: a protected DACL
/// (nothing inherited) giving full control to the current user and SYSTEM only (<see cref="PrivateAclPolicy.DesiredForFile"/>).
/// For the key file, whose folder is the user's own and is left as it is. Does nothing without an
/// <see cref="IAccessControl"/> (other OSes, a mock file system).
/// </summary>
internal sealed class PrivateFileAcl(IAccessControl? accessControl, ILogger logger)
{
    /// <summary>
    /// Gives <paramref name="file"/> the private DACL. Where one cannot be applied (a FAT-formatted USB stick has no ACLs)
    /// a warning is logged and the file stays usable, as for the data directory.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The DACL may not be changed; the caller reports it under the name the user knows.</exception>
    public void MakePrivate(string file)
    {
        if (accessControl is null)
        {
            return;
        }

        try
        {
            accessControl.ProtectFile(file, PrivateAclPolicy.DesiredForFile(accessControl.CurrentUserSid));
            Log.AclTightened(logger, file);
        }
        catch (Exception ex) when (PrivateDirectoryAcl.CannotBeApplied(ex))
        {
            Log.AclNotApplied(logger, file, ex);
        }
    }
}
