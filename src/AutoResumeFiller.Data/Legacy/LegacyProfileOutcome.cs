namespace AutoResumeFiller.Data;

/// <summary>What became of the Python app's profile in a legacy import.</summary>
public enum LegacyProfileOutcome
{
    /// <summary>It became the profile, through a normal validated save (the data directory had none, or only an empty one).</summary>
    Imported,

    /// <summary>An earlier import already brought it in; nothing was done.</summary>
    AlreadyImported,

    /// <summary>The data directory already has a profile with content (or one that cannot be read); it was kept and the legacy one left aside.</summary>
    KeptExisting,
}
