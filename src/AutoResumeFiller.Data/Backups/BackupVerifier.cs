using System.Globalization;
using System.IO.Abstractions;
using System.IO.Compression;
using System.Text.Json;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// Checks a backup archive without trusting it: entry names confined to the data layout, no duplicates or
/// links, sizes and compression ratios within limits (zip-bomb guard), every file present with the size and
/// SHA-256 recorded in <c>metadata.json</c>, and the profile inside valid. Never throws for a bad archive.
/// A <c>.zip.enc</c> is authenticated whole before any of it is read; an encrypted profile inside is decrypted in memory.
/// </summary>
/// <param name="fileSystem">Where the archive is.</param>
/// <param name="limits">The size limits (zip-bomb guard).</param>
/// <param name="encryption">Decrypts encrypted archives; <see langword="null"/> for plaintext only.</param>
internal sealed partial class BackupVerifier(IFileSystem fileSystem, ArchiveSizeLimits limits, DataEncryption? encryption = null)
{
    private readonly DataEncryption _encryption = encryption ?? new DataEncryption(null);

    public const int MaxEntries = 100_000;

    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymlink = 0xA000;

    public Result Verify(string backupPath)
    {
        var problems = new List<string>();
        try
        {
            var file = fileSystem.FileInfo.New(backupPath);
            if (!file.Exists)
            {
                return Fail(problems, "the file does not exist");
            }

            if (file.LinkTarget is not null)
            {
                return Fail(problems, "the backup is a symbolic link; only regular files are trusted");
            }

            using var stream = fileSystem.FileStream.New(backupPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var archive = _encryption.OpenArchive(stream, backupPath);
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
            return VerifyArchive(zip, problems);
        }
        catch (DataDecryptionException ex)
        {
            problems.Add(ex.MissingKeyFile is { } keyFile ? $"{ex.Message} The key file '{keyFile}' does not exist." : ex.Message);
            return new Result(problems, null, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or JsonException or OverflowException)
        {
            problems.Add($"the archive cannot be read: {ex.Message}");
            return new Result(problems, null, null);
        }
    }

    private Result VerifyArchive(ZipArchive zip, List<string> problems)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            return Fail(problems, string.Create(CultureInfo.InvariantCulture, $"the archive has {zip.Entries.Count} entries, more than the {MaxEntries} allowed"));
        }

        var metadata = ReadMetadata(zip, problems);
        var kind = BackupMetadata.ParseKind(metadata?.Kind);
        if (metadata is not null && kind is null)
        {
            problems.Add($"metadata.json has an unknown kind '{metadata.Kind}'");
        }

        var (files, expanded) = CheckEntries(zip, kind ?? BackupKind.Manual, problems);
        var doesNotFit = limits.DoesNotFit(expanded);
        if (metadata is null)
        {
            return new Result(problems, null, null) { ExpandedBytes = expanded, DoesNotFit = doesNotFit };
        }

        CheckRecords(files, metadata, kind ?? BackupKind.Manual, problems);
        return new Result(problems, metadata, kind) { TotalBytes = metadata.Files.Sum(f => f.SizeBytes), ExpandedBytes = expanded, DoesNotFit = doesNotFit };
    }

    /// <summary>The entries of files to check further, by name; an entry refused here (a bomb) maps to null, reported once.</summary>
    private (Dictionary<string, ZipArchiveEntry?> Files, long Expanded) CheckEntries(ZipArchive zip, BackupKind kind, List<string> problems)
    {
        var files = new Dictionary<string, ZipArchiveEntry?>(StringComparer.Ordinal);
        // Exact names: resumes/CV.txt and resumes/cv.txt are two real files on a case-sensitive file system.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            var shown = BackupEntryNames.Shown(name);
            if (!seen.Add(name))
            {
                problems.Add($"entry '{shown}' appears more than once");
                continue;
            }

            if (!BackupEntryNames.IsSafe(name.TrimEnd('/')))
            {
                problems.Add($"entry '{shown}' has an unsafe name (absolute, '..', backslash, drive or control characters)");
                continue;
            }

            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymlink)
            {
                problems.Add($"entry '{shown}' is a symbolic link");
                continue;
            }

            if (name.EndsWith('/'))
            {
                continue; // A folder entry carries no data; its files are checked on their own.
            }

            if (name != BackupMetadata.EntryName && !BackupEntryNames.IsAllowed(name, kind))
            {
                problems.Add($"entry '{shown}' is outside the data layout of {(kind == BackupKind.Auto ? "an" : "a")} {BackupMetadata.KindName(kind)} backup");
                continue;
            }

            total += entry.Length;
            // metadata.json is bounded by its own size limit (ReadMetadata).
            if (name != BackupMetadata.EntryName && ArchiveSizeLimits.EntryProblem(entry, shown) is { } bomb)
            {
                problems.Add(bomb);
                files[name] = null;
                continue;
            }

            files[name] = entry;
        }

        if (limits.TotalProblem(total) is { } tooLarge)
        {
            problems.Add(tooLarge);
            RefuseAll(files);
        }

        return (files, total);
    }

    /// <summary>Nothing of an archive refused as a whole is decompressed, and its entries are not reported again one by one.</summary>
    private static void RefuseAll(Dictionary<string, ZipArchiveEntry?> files)
    {
        foreach (var name in files.Keys.ToList())
        {
            files[name] = null;
        }
    }

    private void CheckRecords(Dictionary<string, ZipArchiveEntry?> files, BackupMetadata metadata, BackupKind kind, List<string> problems)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal) { BackupMetadata.EntryName };
        foreach (var record in metadata.Files)
        {
            if (!listed.Add(record.Path))
            {
                problems.Add($"metadata.json lists '{BackupEntryNames.Shown(record.Path)}' more than once");
                continue;
            }

            if (!files.TryGetValue(record.Path, out var entry))
            {
                problems.Add($"'{BackupEntryNames.Shown(record.Path)}' is listed in metadata.json but missing from the archive");
                continue;
            }

            if (entry is null)
            {
                continue; // refused already
            }

            CheckContent(entry, record, checkProfile: kind != BackupKind.PreRestore, problems);
        }

        foreach (var name in files.Where(f => f.Value is not null && !listed.Contains(f.Key)).Select(f => f.Key))
        {
            problems.Add($"entry '{BackupEntryNames.Shown(name)}' is not listed in metadata.json");
        }

        var profileEntry = BackupEntryNames.ProfileEntry(kind);
        if (!listed.Contains(profileEntry) && !listed.Contains(BackupEntryNames.ProfileEntry(kind, encrypted: true)))
        {
            problems.Add($"the backup holds no profile ({profileEntry})");
        }
    }

    // A pre-restore backup holds exactly what was on disk before a restore, even a corrupted profile: its checksums
    // prove that, and refusing it would make such a restore impossible to undo. Other backups must hold a valid profile.
    private void CheckContent(ZipArchiveEntry entry, BackupFileRecord record, bool checkProfile, List<string> problems)
    {
        var shown = BackupEntryNames.Shown(record.Path);
        if (entry.Length != record.SizeBytes)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{shown}' is {entry.Length} bytes in the archive but {record.SizeBytes} in metadata.json"));
            return;
        }

        try
        {
            using var content = entry.Open();
            var isProfile = checkProfile && (BackupEntryNames.IsProfile(record.Path, BackupKind.Auto) || BackupEntryNames.IsProfile(record.Path, BackupKind.Manual));
            using var copy = isProfile ? new MemoryStream() : null;
            var (bytes, sha256) = HashingCopy.Copy(content, copy, record.SizeBytes, null, CancellationToken.None);
            if (bytes != record.SizeBytes)
            {
                problems.Add($"'{shown}' does not decompress to the {record.SizeBytes} bytes recorded");
            }
            else if (!string.Equals(sha256, record.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"'{shown}' fails its SHA-256 check (expected {BackupEntryNames.Shown(record.Sha256)}, found {sha256})");
            }
            else if (copy is not null)
            {
                CheckProfile(Decoded(copy, record.Path), shown, problems);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            problems.Add($"'{shown}' cannot be decompressed: {ex.Message}");
        }
        catch (DataDecryptionException ex)
        {
            problems.Add($"the profile in the backup cannot be decrypted: {ex.Message}");
        }
    }

    /// <summary>The profile entry's plaintext: an encrypted entry is decrypted in memory, never written anywhere.</summary>
    private MemoryStream Decoded(MemoryStream copy, string entryName) =>
        DataEncryption.IsEncryptedName(entryName)
            ? Visible(_encryption.DecodeProfile(copy.ToArray(), entryName))
            : copy;

    private static MemoryStream Visible(byte[] bytes) => new(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);

    private static void CheckProfile(MemoryStream copy, string shown, List<string> problems)
    {
        if (copy.Length > UserDataManager.MaxProfileBytes)
        {
            problems.Add($"'{shown}' is larger than a profile may be");
            return;
        }

        try
        {
            var profile = UserProfileSerializer.Deserialize(copy.GetBuffer().AsSpan(0, (int)copy.Length));
            SchemaVersion.ThrowIfNewerThanSupported(profile.Version);
            foreach (var error in UserProfileValidator.Validate(profile))
            {
                problems.Add($"the profile in the backup is invalid: {error}");
            }
        }
        catch (UnsupportedProfileVersionException ex)
        {
            problems.Add($"the profile in the backup is not readable here: {ex.Message}");
        }
        catch (ProfileCorruptedException ex)
        {
            problems.Add($"the profile in the backup is corrupted: {ex.Message}");
        }
    }

    private static Result Fail(List<string> problems, string problem)
    {
        problems.Add(problem);
        return new Result(problems, null, null);
    }
}
