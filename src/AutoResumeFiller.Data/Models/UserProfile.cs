using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>
/// The user's profile: everything AutoResumeFiller knows about the person it fills applications for.
/// Stored as <c>data/user_profile.json</c> (snake_case keys, UTF-8 without BOM, indent 2, <c>\n</c> line ends).
/// </summary>
/// <remarks>
/// Instances are mutable and not thread-safe: load one, edit it, save it. Collections are never
/// <see langword="null"/>; a <c>null</c> list in the file reads as an empty list. Properties the
/// library does not know (written by a newer app) are kept in <see cref="AdditionalProperties"/>
/// and written back on save.
/// </remarks>
public sealed class UserProfile
{
    /// <summary>Gets or sets the profile format version.</summary>
    /// <value>Defaults to <c>"1.0"</c>.</value>
    public string Version { get; set; } = "1.0";

    /// <summary>Gets or sets the person's contact details; <see langword="null"/> in a new, empty profile.</summary>
    public PersonalInfo? PersonalInfo { get; set; }

    /// <summary>Gets or sets an optional professional summary (at most 2000 characters).</summary>
    public string? Summary { get; set; }

    /// <summary>Gets or sets the education history.</summary>
    public List<Education> Education { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets the work history.</summary>
    public List<WorkExperience> WorkExperience { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets the skills, one string each.</summary>
    public List<string> Skills { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets the projects.</summary>
    public List<Project> Projects { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets the certifications.</summary>
    public List<Certification> Certifications { get; set => field = value ?? []; } = [];

    /// <summary>
    /// Gets or sets when the profile was last saved, in UTC. Loading never changes it; saving sets it
    /// to the manager's <see cref="TimeProvider"/> now. A value without offset in the file reads as UTC.
    /// </summary>
    public DateTime LastUpdated { get; set; }

    /// <summary>Gets or sets the JSON properties this version does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
