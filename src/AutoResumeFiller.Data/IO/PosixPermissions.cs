using System.IO.Abstractions;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.IO;

/// <summary>Keeps the user's data private on POSIX: folders 0700, files 0600. Does nothing on Windows, where <see cref="Acl.PrivateDirectoryAcl"/> gives the data directory a private ACL instead.</summary>
internal sealed class PosixPermissions(IFileSystem fileSystem, PlatformEnvironment platform, ILogger logger)
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private bool Applies => !platform.IsWindows && platform.IsNative;

    /// <summary>Creates <paramref name="path"/> (and parents) if missing and makes it 0700.</summary>
    public void EnsurePrivateDirectory(string path)
    {
        if (!fileSystem.Directory.Exists(path))
        {
            fileSystem.Directory.CreateDirectory(path);
        }

        Apply(path, PrivateFolder);
    }

    /// <summary>Makes the file at <paramref name="path"/> 0600; a symbolic link is left alone (chmod would change its target, which may lie outside the data directory).</summary>
    public void MakePrivateFile(string path)
    {
        if (!IsSymbolicLink(path))
        {
            Apply(path, PrivateFile);
        }
    }

    private bool IsSymbolicLink(string path)
    {
        try
        {
            return fileSystem.FileInfo.New(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or NotImplementedException)
        {
            return false;
        }
    }

    private void Apply(string path, UnixFileMode mode)
    {
        if (!Applies || OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            // File.GetUnixFileMode and SetUnixFileMode work on folders too.
            var current = fileSystem.File.GetUnixFileMode(path);
            if (current != mode)
            {
                fileSystem.File.SetUnixFileMode(path, mode);
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException)
        {
            throw new DataAccessDeniedException(path, ex);
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or NotSupportedException or NotImplementedException)
        {
            Log.PermissionsNotApplied(logger, path, mode, ex);
        }
    }
}
