using System.Globalization;

namespace AutoResumeFiller.Data;

/// <summary>
/// The profile's schema version has a newer major version than this library reads (DESIGN §4): a file written by a
/// newer AutoResumeFiller (schema 2.0 and up) is refused rather than misread, and nothing on disk changes.
/// </summary>
public sealed class UnsupportedProfileVersionException : UserDataException
{
    /// <summary>Initializes a new instance for a profile of schema <paramref name="profileVersion"/>.</summary>
    /// <param name="profileVersion">The profile's <c>version</c>, such as <c>2.0</c>.</param>
    /// <param name="innerException">The original exception, if any.</param>
    public UnsupportedProfileVersionException(string profileVersion, Exception? innerException = null)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"user_profile.json was written by a newer version of AutoResumeFiller (schema {profileVersion}); this one reads {SupportedMajorVersion}.x"),
            "Update AutoResumeFiller (and this library) to the latest version to open this profile; nothing was changed.",
            innerException)
    {
        ProfileVersion = profileVersion;
    }

    /// <summary>Gets the major schema version this library reads and writes (1, for <c>1.x</c>).</summary>
    public static int SupportedMajorVersion => SchemaVersion.SupportedMajor;

    /// <summary>Gets the profile's <c>version</c>, as found.</summary>
    public string ProfileVersion { get; }
}
