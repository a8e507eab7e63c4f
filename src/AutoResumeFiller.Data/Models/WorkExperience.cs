using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>One job (<c>work_experience[]</c>).</summary>
public sealed class WorkExperience
{
    /// <summary>Gets or sets the employer (required, 1–200 characters).</summary>
    public string Company { get; set; } = "";

    /// <summary>Gets or sets the job title (required, 1–150 characters).</summary>
    public string Position { get; set; } = "";

    /// <summary>Gets or sets the start month, <c>YYYY-MM</c> (required).</summary>
    public string StartDate { get; set; } = "";

    /// <summary>Gets or sets the end month, <c>YYYY-MM</c> or <c>Present</c> (optional).</summary>
    public string? EndDate { get; set; }

    /// <summary>Gets or sets where the job was (optional, at most 150 characters).</summary>
    public string? Location { get; set; }

    /// <summary>Gets or sets the responsibilities (required: at least one item).</summary>
    public List<string> Responsibilities { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets notable achievements.</summary>
    public List<string> Achievements { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets technologies used.</summary>
    public List<string> Technologies { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets the JSON properties this version does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
