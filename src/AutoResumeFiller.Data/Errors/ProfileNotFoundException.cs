namespace AutoResumeFiller.Data;

/// <summary>The profile file does not exist (the data directory was never initialized, or it was deleted).</summary>
public sealed class ProfileNotFoundException : UserDataException
{
    /// <summary>Initializes a new instance for the profile at <paramref name="profilePath"/>.</summary>
    /// <param name="profilePath">The path that was looked for.</param>
    /// <param name="innerException">The original exception, if any.</param>
    public ProfileNotFoundException(string profilePath, Exception? innerException = null)
        : base(
            $"User profile not found at '{profilePath}'.",
            "Call InitializeDataDirectory() (or run 'arf-data init') to create an empty profile, or restore one from a backup.",
            innerException)
    {
        ProfilePath = profilePath;
    }

    /// <summary>Gets the path that was looked for.</summary>
    public string ProfilePath { get; }
}
