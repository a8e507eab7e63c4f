using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace AutoResumeFiller.Data;

/// <summary>The individual rules of the validator, each defined once, collecting errors as it goes.</summary>
internal sealed partial class Rules
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Text(string path, string? value, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is required.");
        }
        else if (value.Length < min || value.Length > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must be {min}–{max} characters long (is {value.Length})."));
        }
    }

    public void OptionalText(string path, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must be at most {max} characters long (is {value.Length})."));
        }
    }

    public void Email(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "is required.");
            return;
        }

        if (!IsEmail(value))
        {
            Add(path, $"'{Shorten(value)}' is not a valid e-mail address.");
        }
    }

    public void Phone(string path, string? value)
    {
        if (value is not null && !PhonePattern().IsMatch(value))
        {
            Add(path, $"'{Shorten(value)}' is not a valid phone number (9–15 digits, optionally starting with + or 1, no spaces).");
        }
    }

    public void Url(string path, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > 2048
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            Add(path, $"'{Shorten(value)}' is not an absolute http(s) URL.");
        }
    }

    public void YearMonth(string path, string? value, bool required)
    {
        if (value is null || (required && value.Length == 0))
        {
            if (required)
            {
                Add(path, "is required (YYYY-MM).");
            }

            return;
        }

        if (!IsYearMonth(value))
        {
            Add(path, $"'{Shorten(value)}' must be a month in the form YYYY-MM.");
        }
    }

    public void EndDate(string path, string? value)
    {
        if (value is not null && value != "Present" && !IsYearMonth(value))
        {
            Add(path, $"'{Shorten(value)}' must be a month in the form YYYY-MM, or 'Present'.");
        }
    }

    public void Range(string path, double? value, double min, double max)
    {
        if (value is { } number && (double.IsNaN(number) || number < min || number > max))
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must be between {min:0.0} and {max:0.0} (is {number})."));
        }
    }

    public void Strings(string path, List<string> values, int minItems = 0)
    {
        if (values.Count < minItems)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must have at least {minItems} item{(minItems == 1 ? "" : "s")}."));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                Add(Index(path, i), "must be a string, not null.");
            }
        }
    }

    public void Each<T>(string path, List<T> items, Action<Rules, string, T> validate)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                validate(this, Index(path, i) + ".", item);
            }
            else
            {
                Add(Index(path, i), "must be an object, not null.");
            }
        }
    }

    /// <summary>
    /// An unknown property must not carry the name of a known one: both would be written and the file would then
    /// fail to load with a duplicate key.
    /// </summary>
    public void NoShadowedProperties(string at, Dictionary<string, JsonElement>? additional, JsonTypeInfo typeInfo)
    {
        if (additional is null || additional.Count == 0)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (additional.ContainsKey(property.Name))
            {
                Add(at + property.Name, "is set both as a known property and in AdditionalProperties; remove it from AdditionalProperties.");
            }
        }
    }

    private void Add(string path, string message) => _errors.Add(new ValidationError(path, message));

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private static bool IsYearMonth(string value) =>
        YearMonthPattern().IsMatch(value)
        && int.Parse(value.AsSpan(5, 2), CultureInfo.InvariantCulture) is >= 1 and <= 12;

    private static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(value, out var address))
        {
            return false;
        }

        // MailAddress accepts display names and dot-less hosts; an address field needs exactly user@domain.tld.
        var domain = address.Host;
        return address.Address == value
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.');
    }

    // [0-9] and \z, not \d and $: .NET's \d matches any Unicode digit and $ matches before a final '\n'.
    [GeneratedRegex(@"^\+?1?[0-9]{9,15}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthPattern();
}
