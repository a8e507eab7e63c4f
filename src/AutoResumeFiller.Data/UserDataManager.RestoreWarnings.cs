using AutoResumeFiller.Data.Backups;

namespace AutoResumeFiller.Data;

public sealed partial class UserDataManager
{
    /// <summary>What a restore of this archive would do differently from a plain copy (see <see cref="BackupVerification.Warnings"/>).</summary>
    private List<string> RestoreWarnings(BackupVerifier.Result verification)
    {
        var warnings = new List<string>();
        if (verification.Metadata is not { } metadata)
        {
            return warnings;
        }

        if (verification.HasRedactedConfig)
        {
            warnings.Add(_fileSystem.File.Exists(_layout.ConfigPath)
                ? "config.yaml in this archive had its API keys redacted on export: a restore keeps the current config.yaml instead."
                : "config.yaml in this archive had its API keys redacted on export: a restore installs it as it is (there is no current one to keep); enter the API keys again afterwards.");
        }

        if (verification.Kind is null or BackupKind.Auto)
        {
            return warnings; // an auto backup holds the profile only, and its restore touches no other file
        }

        var currentFiles = CurrentUserFiles();
        warnings.AddRange(RestoreRemovalWarnings(metadata, currentFiles, KeepsCurrentConfig(verification)));
        warnings.AddRange(UnstorableNameWarnings(metadata, currentFiles));
        return warnings;
    }

    /// <summary>
    /// Whether a restore must leave the current <c>config.yaml</c> in place: the archive's is redacted (as its verification,
    /// which read it, plaintext or decrypted, found) and there is one to keep.
    /// </summary>
    private bool KeepsCurrentConfig(BackupVerifier.Result verification) =>
        verification.HasRedactedConfig && _fileSystem.File.Exists(_layout.ConfigPath);
}
