using AutoResumeFiller.Data.Backups;

namespace AutoResumeFiller.Data;

public sealed partial class UserDataManager
{
    /// <summary>What a restore of this archive would do differently from a plain copy (see <see cref="BackupVerification.Warnings"/>).</summary>
    private List<string> RestoreWarnings(string path, BackupMetadata? metadata, BackupKind? kind)
    {
        var warnings = new List<string>();
        if (metadata is null)
        {
            return warnings;
        }

        if (HasRedactedConfig(path, metadata))
        {
            warnings.Add(RedactedConfigWarning());
        }

        warnings.AddRange(UnstorableNameWarnings(metadata, kind));
        return warnings;
    }

    private string RedactedConfigWarning() =>
        _fileSystem.File.Exists(_layout.ConfigPath)
            ? "config.yaml in this archive had its API keys redacted on export: a restore keeps the current config.yaml instead."
            : "config.yaml in this archive had its API keys redacted on export: a restore installs it as it is (there is no current one to keep); enter the API keys again afterwards.";

    /// <summary>Whether a restore must leave the current <c>config.yaml</c> in place: the archive's is redacted and there is one to keep.</summary>
    private bool KeepsCurrentConfig(string path, BackupMetadata metadata) =>
        _fileSystem.File.Exists(_layout.ConfigPath) && HasRedactedConfig(path, metadata);

    private bool HasRedactedConfig(string path, BackupMetadata metadata) =>
        metadata.Files.Any(f => f.Path == BackupEntryNames.Config) && RedactedConfig.InArchive(_fileSystem, path);
}
