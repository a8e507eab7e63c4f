using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>One certification (<c>certifications[]</c>).</summary>
public sealed class Certification
{
    /// <summary>Gets or sets the certification name (required, 1–200 characters).</summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the issuer (required, 1–150 characters).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Gets or sets the month obtained, <c>YYYY-MM</c> (required).</summary>
    public string DateObtained { get; set; } = "";

    /// <summary>Gets or sets the expiry month, <c>YYYY-MM</c> (optional).</summary>
    public string? ExpirationDate { get; set; }

    /// <summary>Gets or sets the credential id (optional, at most 100 characters).</summary>
    public string? CredentialId { get; set; }

    /// <summary>Gets or sets the verification URL (optional, absolute http or https).</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the JSON properties this version does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
