namespace AutoResumeFiller.Data;

/// <summary>The outcome of <see cref="UserDataManager.VerifyBackup"/>.</summary>
/// <param name="BackupPath">The archive that was checked.</param>
/// <param name="Problems">Every problem found; empty when the archive is sound.</param>
public sealed record BackupVerification(string BackupPath, IReadOnlyList<string> Problems)
{
    /// <summary>Gets a value indicating whether the archive is sound: every entry present, of the recorded size and SHA-256, safely named, and the profile valid.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Gets the number of files checked against their checksums.</summary>
    public int FilesChecked { get; init; }

    /// <summary>Gets the kind recorded in the archive's metadata, when readable.</summary>
    public BackupKind? Kind { get; init; }

    /// <summary>
    /// Gets what a restore would do differently from a plain copy, to tell the user before anything happens; empty when
    /// nothing: a <c>config.yaml</c> whose API keys were redacted on export never replaces the current one; a file of
    /// <c>resumes/</c> or <c>cover_letters/</c> whose name no backup can hold (such as <c>CV 10:30.pdf</c>) is left in place;
    /// a file this archive left out for that reason cannot come back from it.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
