using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoResumeFiller.Data;

/// <summary>The person's name and contact details (<c>personal_info</c>).</summary>
public sealed class PersonalInfo
{
    /// <summary>Gets or sets the first name (required, 1–100 characters).</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Gets or sets the last name (required, 1–100 characters).</summary>
    public string LastName { get; set; } = "";

    /// <summary>Gets or sets the e-mail address (required, a valid address).</summary>
    public string Email { get; set; } = "";

    /// <summary>Gets or sets the phone number (optional, 9–15 digits with an optional <c>+</c> and leading <c>1</c>).</summary>
    public string? Phone { get; set; }

    /// <summary>Gets or sets the LinkedIn profile URL (optional, absolute http or https).</summary>
    public string? LinkedinUrl { get; set; }

    /// <summary>Gets or sets the GitHub profile URL (optional, absolute http or https).</summary>
    public string? GithubUrl { get; set; }

    /// <summary>Gets or sets the portfolio URL (optional, absolute http or https).</summary>
    public string? PortfolioUrl { get; set; }

    /// <summary>Gets or sets the street address (optional, at most 200 characters).</summary>
    public string? Address { get; set; }

    /// <summary>Gets or sets the city (optional, at most 100 characters).</summary>
    public string? City { get; set; }

    /// <summary>Gets or sets the state or region (optional, at most 50 characters).</summary>
    public string? State { get; set; }

    /// <summary>Gets or sets the postal code (optional, at most 20 characters).</summary>
    public string? ZipCode { get; set; }

    /// <summary>Gets or sets the country (at most 100 characters).</summary>
    /// <value>Defaults to <c>"USA"</c>.</value>
    public string? Country { get; set; } = "USA";

    /// <summary>Gets or sets the JSON properties this version does not know; they are written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
