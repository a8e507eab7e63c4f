using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>One school or degree (<c>education[]</c>).</summary>
public sealed class Education
{
    /// <summary>Gets or sets the institution (required, 1–200 characters).</summary>
    public string Institution { get; set; } = "";

    /// <summary>Gets or sets the degree (required, 1–100 characters).</summary>
    public string Degree { get; set; } = "";

    /// <summary>Gets or sets the field of study (required, 1–150 characters).</summary>
    public string FieldOfStudy { get; set; } = "";

    /// <summary>Gets or sets the start month, <c>YYYY-MM</c> (required).</summary>
    public string StartDate { get; set; } = "";

    /// <summary>Gets or sets the end month, <c>YYYY-MM</c> or <c>Present</c> (optional).</summary>
    public string? EndDate { get; set; }

    /// <summary>Gets or sets the grade point average (optional, 0.0–4.0).</summary>
    public double? Gpa { get; set; }

    /// <summary>Gets or sets honours received.</summary>
    public List<string> Honors { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets relevant coursework.</summary>
    public List<string> RelevantCoursework { get; set => field = value ?? []; } = [];

    /// <summary>Gets or sets the JSON properties this version does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
