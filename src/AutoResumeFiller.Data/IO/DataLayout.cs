using System.IO.Abstractions;

namespace AutoResumeFiller.Data.IO;

/// <summary>The paths of the data directory's layout (DESIGN §3), computed once.</summary>
internal sealed class DataLayout
{
    public const string DataFolderName = "data";
    public const string ProfileFileName = "user_profile.json";
    public const string LockFileName = ".user_profile.lock";
    public const string ConfigFileName = "config.yaml";
    public const string ResumesFolderName = "resumes";
    public const string CoverLettersFolderName = "cover_letters";
    public const string BackupsFolderName = "backups";
    public const string LogsFolderName = "logs";

    /// <param name="fileSystem">The file system whose path rules apply.</param>
    /// <param name="root">The data directory (absolute).</param>
    /// <param name="encrypted">Whether the profile is kept encrypted (<c>user_profile.json.enc</c>).</param>
    public DataLayout(IFileSystem fileSystem, string root, bool encrypted = false)
    {
        var path = fileSystem.Path;
        Root = root;
        DataFolder = path.Combine(root, DataFolderName);
        PlaintextProfilePath = path.Combine(DataFolder, ProfileFileName);
        ProfilePath = encrypted ? PlaintextProfilePath + Encryption.DataEncryption.Suffix : PlaintextProfilePath;
        LockPath = path.Combine(DataFolder, LockFileName);
        ConfigPath = path.Combine(root, ConfigFileName);
        ResumesFolder = path.Combine(root, ResumesFolderName);
        CoverLettersFolder = path.Combine(root, CoverLettersFolderName);
        BackupsFolder = path.Combine(root, BackupsFolderName);
        LogsFolder = path.Combine(root, LogsFolderName);
    }

    public string Root { get; }

    public string DataFolder { get; }

    /// <summary>Gets the profile this manager writes: <c>data/user_profile.json</c>, or <c>data/user_profile.json.enc</c> with encryption on.</summary>
    public string ProfilePath { get; }

    /// <summary>Gets <c>data/user_profile.json</c>, the plaintext profile (the only one without encryption; one not yet encrypted with it).</summary>
    public string PlaintextProfilePath { get; }

    /// <summary>Gets a value indicating whether the profile is kept encrypted.</summary>
    public bool IsEncrypted => ProfilePath != PlaintextProfilePath;

    public string LockPath { get; }

    public string ConfigPath { get; }

    public string ResumesFolder { get; }

    public string CoverLettersFolder { get; }

    public string BackupsFolder { get; }

    public string LogsFolder { get; }

    /// <summary>The folders a save, load or update cannot do without, parents first (the root first).</summary>
    public IEnumerable<string> EssentialFolders => [Root, DataFolder];

    /// <summary>The other folders of the layout: each is created when it can be, and skipped with a warning when it cannot.</summary>
    public IEnumerable<string> OptionalFolders => [ResumesFolder, CoverLettersFolder, BackupsFolder, LogsFolder];
}
