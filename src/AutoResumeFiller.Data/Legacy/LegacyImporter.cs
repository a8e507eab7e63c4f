using System.IO.Abstractions;
using System.Security.Cryptography;
using AutoResumeFiller.Data.Backups;
using AutoResumeFiller.Data.IO;
using AutoResumeFiller.Data.Logging;
using Microsoft.Extensions.Logging;

namespace AutoResumeFiller.Data.Legacy;

/// <summary>
/// Imports the Python app's folder (DESIGN §8) in three steps, each recorded in the <see cref="LegacyImportLedger"/>:
/// the profile (through the manager's normal save), then <c>config.yaml</c>, <c>resumes/</c> and <c>cover_letters/</c>,
/// then each JSON backup as an auto backup archive. Every write is atomic, so a run killed at any point leaves whole
/// files only, and the next run completes the import without doing anything twice. The legacy folder is only read.
/// </summary>
internal sealed partial class LegacyImporter(
    IFileSystem fileSystem,
    DataLayout layout,
    AtomicFileWriter writer,
    BackupStore backups,
    FileLock fileLock,
    LegacyFileCopier copier,
    TimeProvider time,
    ILogger logger,
    Action<UserProfile> saveProfile)
{
    private string LedgerPath => fileSystem.Path.Combine(layout.DataFolder, LegacyImportLedger.FileName);

    /// <summary>Imports (or, with <paramref name="preview"/>, describes the import of) <paramref name="legacyDirectory"/>; null when it has no legacy profile.</summary>
    /// <exception cref="ProfileCorruptedException">The legacy profile is not valid JSON of the profile's shape; nothing changed.</exception>
    /// <exception cref="ProfileValidationException">The legacy profile breaks validation rules; nothing changed.</exception>
    /// <param name="legacyDirectory">The Python app's folder.</param>
    /// <param name="preview">Describe only; write nothing.</param>
    /// <param name="prepareDataDirectory">Creates the data directory's layout, once the legacy profile is known to be valid.</param>
    public LegacyImportResult? Run(string legacyDirectory, bool preview, Action prepareDataDirectory)
    {
        var legacy = fileSystem.Path.GetFullPath(legacyDirectory);
        if (!LegacyLayout.HasProfile(fileSystem, legacy))
        {
            return null;
        }

        var profile = ReadValidProfile(fileSystem.Path.Combine(legacy, LegacyLayout.ProfileFileName));
        if (!preview)
        {
            prepareDataDirectory();
        }

        var ledger = preview ? ReadLedger() : null;
        var outcome = preview ? PlanProfile(ledger!) : ImportProfile(legacy, profile);
        var files = new FileTally();
        var backupTally = new BackupTally();
        using (preview ? null : fileLock.Acquire(exclusive: true))
        {
            ledger = ReadLedger();
            ledger.LegacyDirectory = legacy;
            foreach (var (source, relative) in copier.Sources(legacy))
            {
                ImportFile(ledger, source, relative, files, preview);
            }

            foreach (var (path, fileName, createdAt) in LegacyBackups(legacy))
            {
                ImportBackup(ledger, path, fileName, createdAt, backupTally, preview);
            }

            if (!preview)
            {
                backups.RotateAllAutoBackups();
                ledger.Completed = true;
                WriteLedger(ledger);
            }
        }

        return new LegacyImportResult
        {
            LegacyDirectory = legacy,
            Profile = outcome,
            BackupsImported = backupTally.Imported,
            BackupsAlreadyImported = backupTally.Already,
            BackupsSkipped = backupTally.Skipped,
            FilesCopied = files.Copied,
            FilesKept = files.Kept,
            FilesSkipped = files.Skipped,
            FilesAlreadyPresent = files.Already,
            IsPreview = preview,
        };
    }

    /// <summary>The folder of an import a crash interrupted (so the next initialization completes it), or null.</summary>
    public string? UnfinishedImport()
    {
        var ledger = fileSystem.File.Exists(LedgerPath) ? ReadLedger() : null;
        return ledger is { Completed: false, LegacyDirectory.Length: > 0 } && LegacyLayout.HasProfile(fileSystem, ledger.LegacyDirectory)
            ? ledger.LegacyDirectory
            : null;
    }

    private void ImportFile(LegacyImportLedger ledger, string source, string relative, FileTally tally, bool preview)
    {
        if (BackupEntryNames.WhyUnsafe(relative) is { } reason)
        {
            // Copied, it would be in none of our backups: it stays in the Python app's folder, and the user is told why.
            tally.Skipped.Add($"{BackupEntryNames.Printable(relative)} ({reason})");
            Log.LegacyFileSkipped(logger, BackupEntryNames.Printable(source), reason);
            return;
        }

        if (ledger.Files.Contains(relative, StringComparer.Ordinal))
        {
            tally.Already++;
            return;
        }

        var outcome = preview ? copier.Classify(source, relative) : copier.Copy(source, relative);
        if (outcome == LegacyFileCopier.Outcome.KeptOurs)
        {
            tally.Kept.Add(relative);
            return;
        }

        (outcome == LegacyFileCopier.Outcome.Copied ? tally.Copied : null)?.Add(relative);
        tally.Already += outcome == LegacyFileCopier.Outcome.AlreadyIdentical ? 1 : 0;
        if (!preview)
        {
            ledger.Files.Add(relative);
            WriteLedger(ledger);
        }
    }

    private void ImportBackup(LegacyImportLedger ledger, string path, string fileName, DateTime createdAt, BackupTally tally, bool preview)
    {
        var bytes = ReadBounded(path);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (ledger.HasBackup(fileName, sha256))
        {
            tally.Already++;
            return;
        }

        if (ProblemWith(bytes) is { } problem)
        {
            tally.Skipped.Add($"{fileName}: {problem}");
            Log.LegacyBackupSkipped(logger, path, problem);
            return;
        }

        var archive = backups.FindAutoBackup(createdAt, sha256);
        if (archive is null)
        {
            tally.Imported.Add(fileName);
            if (preview)
            {
                return;
            }

            archive = backups.ImportAutoBackup(path, createdAt);
        }
        else
        {
            tally.Already++; // written by a run killed before it could record it
        }

        if (!preview)
        {
            ledger.Backups.Add(new LegacyImportedBackup { Source = fileName, Sha256 = sha256, Archive = fileSystem.Path.GetFileName(archive) });
            WriteLedger(ledger);
        }
    }

    /// <summary>The legacy JSON backups, oldest first, each with the UTC time its local-time name gives.</summary>
    private List<(string Path, string FileName, DateTime CreatedAt)> LegacyBackups(string legacy)
    {
        var folder = fileSystem.DirectoryInfo.New(fileSystem.Path.Combine(legacy, LegacyLayout.BackupsFolderName));
        if (!folder.Exists || folder.LinkTarget is not null)
        {
            return [];
        }

        var found = new List<(string, string, DateTime)>();
        foreach (var file in folder.EnumerateFiles("auto_backup_*.json"))
        {
            if (file.LinkTarget is null && LegacyLayout.TryParseBackupName(file.Name, time.LocalTimeZone, out var createdAt))
            {
                found.Add((file.FullName, file.Name, createdAt));
            }
        }

        return [.. found.OrderBy(b => b.Item3).ThenBy(b => b.Item2, StringComparer.Ordinal)];
    }

    private static string? ProblemWith(byte[] bytes)
    {
        try
        {
            var errors = UserProfileValidator.Validate(UserProfileSerializer.Deserialize(bytes));
            return errors.Count == 0 ? null : $"the profile in it is invalid ({string.Join("; ", errors)})";
        }
        catch (ProfileCorruptedException ex)
        {
            return ex.Message;
        }
    }

    private byte[] ReadBounded(string path)
    {
        var length = fileSystem.FileInfo.New(path).Length;
        return length <= UserDataManager.MaxProfileBytes
            ? fileSystem.File.ReadAllBytes(path)
            : throw new UserDataException($"'{path}' is {length} bytes, larger than a profile may be.", "Check that the file is the Python app's profile or backup.");
    }

    private LegacyImportLedger ReadLedger()
    {
        if (!fileSystem.File.Exists(LedgerPath))
        {
            return new LegacyImportLedger();
        }

        return LegacyImportLedger.Parse(fileSystem.File.ReadAllBytes(LedgerPath)) ?? new LegacyImportLedger();
    }

    private void WriteLedger(LegacyImportLedger ledger)
    {
        var bytes = ledger.ToUtf8();
        writer.Write(LedgerPath, stream => stream.Write(bytes));
    }

    private sealed class FileTally
    {
        public List<string> Copied { get; } = [];

        public List<string> Kept { get; } = [];

        public List<string> Skipped { get; } = [];

        public int Already { get; set; }
    }

    private sealed class BackupTally
    {
        public List<string> Imported { get; } = [];

        public List<string> Skipped { get; } = [];

        public int Already { get; set; }
    }
}
