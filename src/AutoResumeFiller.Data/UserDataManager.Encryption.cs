using System.Security.Cryptography;
using System.Text.Json;
using AutoResumeFiller.Data.Encryption;
using AutoResumeFiller.Data.Logging;

namespace AutoResumeFiller.Data;

/// <summary>Encryption at rest (DESIGN §10): checks of the options, archive authentication, migration and key rotation.</summary>
public sealed partial class UserDataManager
{
    /// <summary>
    /// Turns a plaintext data directory into an encrypted one under the exclusive lock: the profile becomes
    /// <c>data/user_profile.json.enc</c> and every backup <c>NAME.zip.enc</c> (its profile entry encrypted too), and
    /// each plaintext original is deleted once its encrypted form is on disk. The backups are those
    /// <see cref="ListAvailableBackups"/> lists: named <c>NAME_TS.zip</c>, or exports (ours or the Python app's) whatever
    /// their name. Crash-safe at every step: a kill leaves a directory that loads, and running it again finishes the job.
    /// The Python app's legacy files (a <c>user_profile.json</c> at the top of the data directory, <c>backups/*.json</c>)
    /// are never changed or deleted, nor is a <c>.zip</c> in the backups folder that is no backup: each is named in a
    /// warning in the log.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="UserDataManagerOptions.Encryption"/> is not set.</exception>
    /// <exception cref="DataDecryptionException">An encrypted file already there fails authentication; it was left as it is.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    /// <exception cref="InsufficientDiskSpaceException">The disk filled up; what was encrypted so far stays encrypted.</exception>
    public void EncryptExistingData()
    {
        RequireEncryption();
        var started = _time.GetTimestamp();
        var files = 0;
        Guard(_layout.Root, "encrypting", () =>
        {
            EnsureLayout();
            using (_lock.Acquire(exclusive: true))
            {
                RemoveStaleTempFiles();
                files = EncryptPlaintextFilesLocked();
            }
        });
        Log.ExistingDataEncrypted(_logger, _layout.Root, files, _time.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Makes a new random key the current one and re-encrypts under it the profile and every backup
    /// <see cref="ListAvailableBackups"/> lists (plaintext ones are encrypted first, as <see cref="EncryptExistingData"/>
    /// does); then drops from the ring the old keys no file uses any more (a damaged file keeps the key it names). The
    /// order (add the key → re-encrypt each file atomically → drop old keys) keeps every file readable if the process is
    /// killed at any point. Archives outside the data directory (exports elsewhere) still need the old keys: keep a copy
    /// of the old key file for them.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="UserDataManagerOptions.Encryption"/> is not set.</exception>
    /// <exception cref="DataDecryptionException">The profile fails authentication; the ring keeps every key.</exception>
    /// <exception cref="DataLockTimeoutException">The lock could not be taken in time.</exception>
    public void RotateEncryptionKey()
    {
        var provider = RequireEncryption();
        var started = _time.GetTimestamp();
        Guard(_layout.Root, "re-encrypting", () =>
        {
            EnsureLayout();
            using (_lock.Acquire(exclusive: true))
            {
                RemoveStaleTempFiles();
                EncryptPlaintextFilesLocked();
                var key = EncryptionKey.Generate(_time.GetUtcNow());
                provider.SaveKeyRing(_encryption.RingForWriting().WithCurrentKey(key)); // never a first ring beside data a lost key file encrypted
                var (files, inUse) = ReencryptLocked(key.Id);
                var ring = provider.GetKeyRing();
                var kept = ring.WithOnlyKeys(inUse);
                if (kept.Keys.Count < ring.Keys.Count)
                {
                    provider.SaveKeyRing(kept);
                }

                Log.KeyRotated(_logger, key.Id, files, ring.Keys.Count - kept.Keys.Count, _time.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    private IEncryptionKeyProvider RequireEncryption() => _options.Encryption ?? throw new InvalidOperationException(
        "Encryption is off for this manager: set UserDataManagerOptions.Encryption (for example EncryptionKeyProviders.KeyFile(path)), or pass --key-file to arf-data.");

    /// <summary>Encrypts the plaintext profile and backups, each original deleted only once its encrypted form is durable.</summary>
    private int EncryptPlaintextFilesLocked()
    {
        var files = 0;
        if (_fileSystem.File.Exists(_layout.PlaintextProfilePath))
        {
            if (_fileSystem.File.Exists(_layout.ProfilePath))
            {
                // Written by an interrupted run or a save: it must authenticate before the plaintext copy goes.
                _encryption.DecodeProfile(_fileSystem.File.ReadAllBytes(_layout.ProfilePath), _layout.ProfilePath);
            }
            else
            {
                var plaintext = _fileSystem.File.ReadAllBytes(_layout.PlaintextProfilePath);
                var encoded = _encryption.EncodeProfile(plaintext, _layout.ProfilePath);
                CryptographicOperations.ZeroMemory(plaintext);
                _writer.Write(_layout.ProfilePath, stream => stream.Write(encoded));
            }

            DeleteDurably(_layout.PlaintextProfilePath);
            Log.FileEncrypted(_logger, _layout.ProfilePath);
            files++;
        }

        var transcoder = new BackupTranscoder(_fileSystem, _writer, _encryption);
        var backups = BackupFiles();
        foreach (var backup in backups.Where(p => !DataEncryption.IsEncryptedName(p)))
        {
            var target = backup + DataEncryption.Suffix;
            if (_fileSystem.File.Exists(target))
            {
                using var stream = _fileSystem.FileStream.New(target, FileMode.Open, FileAccess.Read, FileShare.Read);
                using var authenticated = _encryption.OpenArchive(stream, target);
            }
            else
            {
                _writer.CommitReplace(EncryptedBackupTemp(transcoder, backup, target), target);
            }

            DeleteDurably(backup);
            Log.FileEncrypted(_logger, target);
            files++;
        }

        ReportLegacyPlaintext();
        ReportUnrecognizedPlaintext(backups);
        return files;
    }

    private string EncryptedBackupTemp(BackupTranscoder transcoder, string backup, string target)
    {
        try
        {
            return transcoder.WriteTemp(backup, target);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            // Not a readable archive (it was already broken): encrypt its bytes as they are, so no plaintext copy remains.
            Log.UnreadableBackupEncryptedAsIs(_logger, backup, ex);
            return _writer.WriteTemp(target, output => _encryption.WriteArchive(output, target, archive =>
            {
                using var input = _fileSystem.FileStream.New(backup, FileMode.Open, FileAccess.Read, FileShare.Read);
                input.CopyTo(archive);
            }));
        }
    }

    /// <summary>Re-encrypts what is not yet under <paramref name="currentKeyId"/>; returns the files rewritten and the key ids still in use.</summary>
    private (int Files, HashSet<string> InUse) ReencryptLocked(string currentKeyId)
    {
        var files = 0;
        var inUse = new HashSet<string>(StringComparer.Ordinal) { currentKeyId };
        if (_fileSystem.File.Exists(_layout.ProfilePath))
        {
            var stored = _fileSystem.File.ReadAllBytes(_layout.ProfilePath);
            if (DataEncryption.KeyIdOf(stored) != currentKeyId)
            {
                var plaintext = _encryption.DecodeProfile(stored, _layout.ProfilePath);
                var encoded = _encryption.EncodeProfile(plaintext, _layout.ProfilePath);
                CryptographicOperations.ZeroMemory(plaintext);
                _writer.Write(_layout.ProfilePath, stream => stream.Write(encoded));
                files++;
            }
        }

        var transcoder = new BackupTranscoder(_fileSystem, _writer, _encryption);
        var backups = BackupFiles();
        foreach (var backup in backups.Where(DataEncryption.IsEncryptedName))
        {
            try
            {
                if (transcoder.KeyIdsUsed(backup).Any(id => id != currentKeyId))
                {
                    _writer.CommitReplace(transcoder.WriteTemp(backup, backup), backup);
                    files++;
                }
            }
            catch (Exception ex) when (ex is DataDecryptionException or InvalidDataException or JsonException)
            {
                // A damaged backup cannot be re-encrypted; the key it names stays in the ring so nothing becomes less readable.
                Log.BackupNotReencrypted(_logger, backup, ex);
                inUse.UnionWith(OuterKeyId(backup));
            }
        }

        inUse.UnionWith(KeysOfUnreadableEncryptedFiles(backups));
        return (files, inUse);
    }

    private void DeleteDurably(string path)
    {
        _fileSystem.File.Delete(path);
        _writer.FlushDirectory(_fileSystem.Path.GetDirectoryName(path)!);
    }

    /// <summary>Names the Python app's plaintext files (DESIGN §8) found in the data directory: this library never deletes them.</summary>
    private void ReportLegacyPlaintext()
    {
        var legacyProfile = _fileSystem.Path.Combine(_layout.Root, DataLayoutProfileName);
        if (_fileSystem.File.Exists(legacyProfile))
        {
            Log.LegacyPlaintextLeft(_logger, legacyProfile);
        }

        if (_fileSystem.Directory.Exists(_layout.BackupsFolder))
        {
            foreach (var legacyBackup in _fileSystem.Directory.EnumerateFiles(_layout.BackupsFolder, "*.json"))
            {
                Log.LegacyPlaintextLeft(_logger, legacyBackup);
            }
        }
    }

    private const string DataLayoutProfileName = IO.DataLayout.ProfileFileName;
}
