using System.Globalization;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>The profile file itself: finding it, reading it, and what a load reports when it is missing or unreadable.</summary>
public sealed partial class UserDataManager
{
    /// <summary>The largest profile file the library reads (a real profile is tens of kilobytes).</summary>
    internal const int MaxProfileBytes = 32 * 1024 * 1024;

    private void EnsureProfileFolderExists()
    {
        if (!_fileSystem.Directory.Exists(_layout.DataFolder))
        {
            ThrowIfAccessDenied(_layout.DataFolder);
            throw new ProfileNotFoundException(_layout.ProfilePath);
        }
    }

    /// <summary>
    /// Directory.Exists is false both for a missing folder and for one inside a folder the user may not enter;
    /// opening it tells the two apart, so a permission problem is not reported as a missing profile.
    /// </summary>
    private void ThrowIfAccessDenied(string folder)
    {
        try
        {
            using var entries = _fileSystem.Directory.EnumerateFileSystemEntries(folder).GetEnumerator();
            _ = entries.MoveNext();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataAccessDeniedException(folder, ex);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            // Missing (or unreadable for another reason): the caller reports the profile as not found.
        }
    }

    /// <summary>The bytes a load read, and the decode step they need (<see cref="EncodingOf"/>).</summary>
    private readonly record struct StoredProfile(byte[] Bytes, ProfileEncoding Encoding);

    private StoredProfile ReadProfileFile()
    {
        try
        {
            var path = ProfileReadPath();
            using var stream = _fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            var bytes = new byte[CheckedLength(stream.Length)];
            stream.ReadExactly(bytes);
            return new StoredProfile(bytes, EncodingOf(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ProfileNotFoundException(_layout.ProfilePath, ex);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            throw IoErrors.Map(ex, _layout.ProfilePath, "reading");
        }
    }

    private async Task<StoredProfile> ReadProfileFileAsync(CancellationToken cancellationToken)
    {
        try
        {
            var path = ProfileReadPath();
            var stream = _fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = new byte[CheckedLength(stream.Length)];
                await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
                return new StoredProfile(bytes, EncodingOf(path));
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ProfileNotFoundException(_layout.ProfilePath, ex);
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex) && ex is not EndOfStreamException)
        {
            throw IoErrors.Map(ex, _layout.ProfilePath, "reading");
        }
    }

    private int CheckedLength(long length) =>
        length <= MaxProfileBytes
            ? (int)length
            : throw new ProfileCorruptedException(
                string.Create(CultureInfo.InvariantCulture, $"Failed to parse {UserProfileSerializer.ProfileFileName}: the file is {length} bytes, more than the {MaxProfileBytes} bytes a profile may have."),
                SafeListBackups());

    private IReadOnlyList<BackupInfo> SafeListBackups()
    {
        try
        {
            return _backups.List();
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex) || ex is UserDataException)
        {
            return [];
        }
    }
}
