using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>One project (<c>projects[]</c>).</summary>
public sealed class Project
{
    /// <summary>Gets or sets the project name (required, 1–200 characters).</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the description (required, 1–1000 characters).</summary>
    public string Description { get; set; } = "";

    /// <summary>Gets or sets the start month, <c>YYYY-MM</c> (optional).</summary>
    public string? StartDate { get; set; }

    /// <summary>Gets or sets the end month, <c>YYYY-MM</c> or <c>Present</c> (optional).</summary>
    public string? EndDate { get; set; }

    /// <summary>Gets or sets the project URL (optional, absolute http or https).</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets technologies used.</summary>
    public List<string> Technologies { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets highlights.</summary>
    public List<string> Highlights { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets the JSON properties this version does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
