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

        var redactedConfig = CheckRecords(files, metadata, kind ?? BackupKind.Manual, problems);
        return new Result(problems, metadata, kind)
        {
            TotalBytes = metadata.Files.Sum(f => f.SizeBytes),
            ExpandedBytes = expanded,
            DoesNotFit = doesNotFit,
            HasRedactedConfig = redactedConfig,
        };
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

    private static Result Fail(List<string> problems, string problem)
    {
        problems.Add(problem);
        return new Result(problems, null, null);
    }
}
