using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace AutoResumeFiller.Data;

/// <summary>
/// The individual rules of the validator, each defined once, collecting errors as it goes. Rules take a property's
/// name relative to the current object (<see cref="InObject"/>, <see cref="Each{T}"/>); the full JSON path is built
/// only for an error, so validating a valid profile allocates nothing per property.
/// </summary>
internal sealed partial class Rules
{
    private readonly List<ValidationError> _errors = [];
    private string _object = "";
    private int _index = -1;

    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>Validates the object at <paramref name="objectName"/> (e.g. <c>personal_info</c>) with <paramref name="validate"/>.</summary>
    public void InObject<T>(string objectName, T item, Action<Rules, T> validate)
    {
        _object = objectName;
        validate(this, item);
        _object = "";
    }

    public void Text(string name, string? value, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(name, "is required.");
        }
        else if (CodePoints(value) is var length && (length < min || length > max))
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"must be {min}–{max} characters long (is {length})."));
        }
    }

    public void OptionalText(string name, string? value, int max)
    {
        if (value is not null && CodePoints(value) is var length && length > max)
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"must be at most {max} characters long (is {length})."));
        }
    }

    /// <summary>A schema version, <c>MAJOR.MINOR</c> (see <see cref="SchemaVersion"/>); whether this library reads its major is checked on load and save.</summary>
    public void Version(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(name, "is required (MAJOR.MINOR, such as 1.0).");
        }
        else if (!SchemaVersion.TryParseMajor(value, out _))
        {
            Add(name, $"'{Shorten(value)}' must be a schema version MAJOR.MINOR, such as 1.0.");
        }
    }

    public void Email(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(name, "is required.");
            return;
        }

        if (!IsEmail(value))
        {
            Add(name, $"'{Shorten(value)}' is not a valid e-mail address.");
        }
    }

    public void Phone(string name, string? value)
    {
        if (value is not null && !PhonePattern().IsMatch(value))
        {
            Add(name, $"'{Shorten(value)}' is not a valid phone number (9–15 digits, optionally starting with + or 1, no spaces).");
        }
    }

    public void Url(string name, string? value)
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
            Add(name, $"'{Shorten(value)}' is not an absolute http(s) URL.");
        }
    }

    public void YearMonth(string name, string? value, bool required)
    {
        if (value is null || (required && value.Length == 0))
        {
            if (required)
            {
                Add(name, "is required (YYYY-MM).");
            }

            return;
        }

        if (!IsYearMonth(value))
        {
            Add(name, $"'{Shorten(value)}' must be a month in the form YYYY-MM.");
        }
    }

    public void EndDate(string name, string? value)
    {
        if (value is not null && value != "Present" && !IsYearMonth(value))
        {
            Add(name, $"'{Shorten(value)}' must be a month in the form YYYY-MM, or 'Present'.");
        }
    }

    public void Range(string name, double? value, double min, double max)
    {
        if (value is { } number && (double.IsNaN(number) || number < min || number > max))
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min:0.0} and {max:0.0} (is {number})."));
        }
    }

    public void Strings(string name, List<string> values, int minItems = 0)
    {
        if (values.Count < minItems)
        {
            Add(name, string.Create(CultureInfo.InvariantCulture, $"must have at least {minItems} item{(minItems == 1 ? "" : "s")}."));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                AddAt(Index(At(name), i), "must be a string, not null.");
            }
        }
    }

    public void Each<T>(string listName, List<T> items, Action<Rules, T> validate)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
            {
                _object = listName;
                _index = i;
                validate(this, item);
                _object = "";
                _index = -1;
            }
            else
            {
                AddAt(Index(At(listName), i), "must be an object, not null.");
            }
        }
    }

    /// <summary>
    /// An unknown property must not carry the name of a known one: both would be written and the file would then
    /// fail to load with a duplicate key.
    /// </summary>
    public void NoShadowedProperties(Dictionary<string, JsonElement>? additional, JsonTypeInfo typeInfo)
    {
        if (additional is null || additional.Count == 0)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (additional.ContainsKey(property.Name))
            {
                Add(property.Name, "is set both as a known property and in AdditionalProperties; remove it from AdditionalProperties.");
            }
        }
    }

    private void Add(string name, string message) => AddAt(At(name), message);

    private void AddAt(string path, string message) => _errors.Add(new ValidationError(path, message));

    /// <summary>The JSON path of <paramref name="name"/> in the current object: <c>name</c>, <c>object.name</c> or <c>list[i].name</c>.</summary>
    private string At(string name) => (_object.Length, _index) switch
    {
        (0, _) => name,
        (_, < 0) => $"{_object}.{name}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{_object}[{_index}].{name}"),
    };

    /// <summary>
    /// The length as the Python app's <c>len</c> counts it: Unicode code points, so an emoji (a surrogate pair) is one and
    /// a lone surrogate is one too (<see cref="string.EnumerateRunes"/> yields it as a replacement rune).
    /// </summary>
    private static int CodePoints(string value)
    {
        // Without surrogates every UTF-16 unit is one code point. The vectorized search keeps validation of a large
        // profile from being dominated by counting (it was 10 % of a 1 MB save, counted rune by rune).
        if (!value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return value.Length;
        }

        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");

    /// <summary>The first 60 UTF-16 units of a long value for a message, never cutting an emoji's surrogate pair in half.</summary>
    private static string Shorten(string value) =>
        value.Length <= 60 ? value : value[..(char.IsHighSurrogate(value[59]) ? 59 : 60)] + "…";

    /// <summary><c>YYYY-MM</c> with ASCII digits (never other Unicode digits) and a month from 01 to 12.</summary>
    private static bool IsYearMonth(string value) =>
        value.Length == 7
        && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3])
        && value[4] == '-'
        && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6])
        && ((value[5] - '0') * 10) + (value[6] - '0') is >= 1 and <= 12;

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
}
