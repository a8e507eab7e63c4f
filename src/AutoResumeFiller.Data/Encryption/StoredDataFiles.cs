using System.IO.Abstractions;
using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.IO;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// The data directory's encrypted files as their names show them, read without any key: tells <see cref="DataEncryption"/>
/// whether encrypted data is already there before it lets a first key be created (one there means its key file was lost),
/// and reads the key id a file's header names. (The migration and the rotation walk what <c>ListAvailableBackups</c> lists.)
/// </summary>
internal sealed class StoredDataFiles(IFileSystem fileSystem, DataLayout layout)
{
    /// <summary>Every backup archive in the backups folder by its name (no archive is opened), ordinal order; links are skipped.</summary>
    private List<string> Backups() => !fileSystem.Directory.Exists(layout.BackupsFolder)
        ? []
        : [.. fileSystem.Directory.EnumerateFiles(layout.BackupsFolder)
            .Where(p => BackupNaming.TryParse(fileSystem.Path.GetFileName(p), out _, out _, out _, out _))
            .Where(p => fileSystem.FileInfo.New(p).LinkTarget is null)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The first encrypted file of the data directory (the profile, then the backups), with the key id its header names
    /// (<see langword="null"/> when the header is unreadable), or <see langword="null"/> when there is none.
    /// </summary>
    public (string Path, string? KeyId)? FirstEncrypted()
    {
        var profile = layout.PlaintextProfilePath + DataEncryption.Suffix;
        var path = fileSystem.File.Exists(profile) ? profile : Backups().FirstOrDefault(DataEncryption.IsEncryptedName);
        if (path is null)
        {
            return null;
        }

        try
        {
            return (path, KeyIdOf(path));
        }
        catch (Exception ex) when (IoErrors.IsIoFailure(ex))
        {
            return (path, null); // unreadable, yet encrypted data by its name, whose key a new ring would hide
        }
    }

    /// <summary>The key id in the header of the encrypted file <paramref name="path"/>, or <see langword="null"/> when it has no header of ours.</summary>
    public string? KeyIdOf(string path)
    {
        using var stream = fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var header = new byte[StreamHeader.Size];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return DataEncryption.KeyIdOf(header.AsSpan(0, read));
    }
}
