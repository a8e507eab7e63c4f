using System.Globalization;
using System.IO.Compression;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data.Backups;

/// <summary>
/// The verifier's checks of each file against its record in <c>metadata.json</c>, and of what the checked content says:
/// the profile must be valid; a redacted <c>config.yaml</c> is noted (DESIGN §8). Both are read from the bytes whose
/// SHA-256 was just checked, while the archive is open: an encrypted archive is decrypted once, for all of it.
/// </summary>
internal sealed partial class BackupVerifier
{
    /// <summary>Checks every file listed in the metadata, and that nothing else is in the archive.</summary>
    /// <returns>Whether the archive's <c>config.yaml</c> (its checksum verified) had its API keys redacted on export.</returns>
    private bool CheckRecords(Dictionary<string, ZipArchiveEntry?> files, BackupMetadata metadata, BackupKind kind, List<string> problems)
    {
        var redactedConfig = false;
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

            using var verified = CheckContent(entry, record, keep: IsReadFurther(record, kind), problems);
            if (verified is null)
            {
                continue;
            }

            if (record.Path == BackupEntryNames.Config)
            {
                redactedConfig = RedactedConfig.IsRedacted(verified.GetBuffer().AsSpan(0, (int)verified.Length));
            }
            else
            {
                CheckProfileEntry(verified, record.Path, problems);
            }
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

        return redactedConfig;
    }

    /// <summary>
    /// Whether a file's content is looked at beyond its checksum: the profile (except in a pre-restore backup, which holds
    /// exactly what was on disk before a restore, even a corrupted profile: its checksums prove that, and refusing it would
    /// make such a restore impossible to undo), and a <c>config.yaml</c> small enough to be one the exporter redacted.
    /// </summary>
    private static bool IsReadFurther(BackupFileRecord record, BackupKind kind) =>
        record.Path == BackupEntryNames.Config
            ? record.SizeBytes <= RedactedConfig.MaxBytes
            : kind != BackupKind.PreRestore && (BackupEntryNames.IsProfile(record.Path, BackupKind.Auto) || BackupEntryNames.IsProfile(record.Path, BackupKind.Manual));

    /// <summary>Checks an entry's size and SHA-256 against its record.</summary>
    /// <returns>The verified content when <paramref name="keep"/> is set and every check passed; otherwise null.</returns>
    private static MemoryStream? CheckContent(ZipArchiveEntry entry, BackupFileRecord record, bool keep, List<string> problems)
    {
        var shown = BackupEntryNames.Shown(record.Path);
        if (entry.Length != record.SizeBytes)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{shown}' is {entry.Length} bytes in the archive but {record.SizeBytes} in metadata.json"));
            return null;
        }

        var copy = keep ? new MemoryStream() : null;
        try
        {
            using var content = entry.Open();
            var (bytes, sha256) = HashingCopy.Copy(content, copy, record.SizeBytes, null, CancellationToken.None);
            if (bytes != record.SizeBytes)
            {
                problems.Add($"'{shown}' does not decompress to the {record.SizeBytes} bytes recorded");
            }
            else if (!string.Equals(sha256, record.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"'{shown}' fails its SHA-256 check (expected {BackupEntryNames.Shown(record.Sha256)}, found {sha256})");
            }
            else
            {
                return copy;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            problems.Add($"'{shown}' cannot be decompressed: {ex.Message}");
        }

        copy?.Dispose();
        return null;
    }

    private void CheckProfileEntry(MemoryStream verified, string entryName, List<string> problems)
    {
        try
        {
            CheckProfile(Decoded(verified, entryName), BackupEntryNames.Shown(entryName), problems);
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
}
