namespace AutoResumeFiller.Data;

/// <summary>What <see cref="UserDataManager.ImportLegacyData"/> did (or, from <see cref="UserDataManager.PreviewLegacyImport"/>, would do).</summary>
public sealed class LegacyImportResult
{
    /// <summary>Gets the Python app's folder the data came from (absolute).</summary>
    public required string LegacyDirectory { get; init; }

    /// <summary>Gets what became of the legacy profile.</summary>
    public LegacyProfileOutcome Profile { get; init; }

    /// <summary>Gets the legacy JSON backups imported by this run as auto backup archives, by file name, oldest first.</summary>
    public IReadOnlyList<string> BackupsImported { get; init; } = [];

    /// <summary>Gets the number of legacy JSON backups an earlier run had already imported.</summary>
    public int BackupsAlreadyImported { get; init; }

    /// <summary>Gets the legacy JSON backups left out, each as <c>file name: reason</c> (not valid JSON, or an invalid profile).</summary>
    public IReadOnlyList<string> BackupsSkipped { get; init; } = [];

    /// <summary>Gets the files copied by this run (<c>config.yaml</c>, <c>resumes/…</c>, <c>cover_letters/…</c>), relative to the data directory.</summary>
    public IReadOnlyList<string> FilesCopied { get; init; } = [];

    /// <summary>Gets the files not copied because the data directory already has a different file of that name (never replaced).</summary>
    public IReadOnlyList<string> FilesKept { get; init; } = [];

    /// <summary>
    /// Gets the files of the Python app's <c>resumes/</c> and <c>cover_letters/</c> not copied because no backup could hold
    /// their names (a <c>:</c> or <c>\</c>, a control character, a part ending in <c>.</c> or a space), each as
    /// <c>path (reason)</c>, relative to the folder. They stay in the Python app's folder: rename them there and import again.
    /// </summary>
    public IReadOnlyList<string> FilesSkipped { get; init; } = [];

    /// <summary>Gets the number of files an earlier run had already copied, or that were already identical.</summary>
    public int FilesAlreadyPresent { get; init; }

    /// <summary>Gets a value indicating whether this is a preview: nothing was written.</summary>
    public bool IsPreview { get; init; }

    /// <summary>Gets a value indicating whether this run imported (or a preview would import) anything at all.</summary>
    public bool ImportedAnything => Profile == LegacyProfileOutcome.Imported || BackupsImported.Count > 0 || FilesCopied.Count > 0;
}
