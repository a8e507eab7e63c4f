namespace AutoResumeFiller.Data;

/// <summary>A change of the profile on disk, reported by <see cref="UserDataManager.WatchProfile"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ProfileChange
{
    /// <summary>Initializes a new instance of the <see cref="ProfileChange"/> class.</summary>
    /// <param name="profilePath">The profile that changed.</param>
    /// <param name="lastUpdated">The <c>last_updated</c> timestamp (UTC) of the profile now on disk.</param>
    public ProfileChange(string profilePath, DateTime lastUpdated)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profilePath);
        ProfilePath = profilePath;
        LastUpdated = lastUpdated;
    }

    /// <summary>Gets the profile's path, as <see cref="UserDataManager.ProfilePath"/> gives it.</summary>
    public string ProfilePath { get; }

    /// <summary>
    /// Gets the <c>last_updated</c> timestamp (UTC) of the profile now on disk: the state after the change, never an
    /// intermediate one. When that field cannot be read (a file written by another tool that is not a profile), the
    /// file's last write time (UTC) stands in for it.
    /// </summary>
    public DateTime LastUpdated { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ProfilePath} changed (last_updated {LastUpdated:O})");
}
