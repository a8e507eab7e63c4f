using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// Seeded generator of ordinary profiles as a real file holds them: any text (non-ASCII, emoji, quotes, control
/// characters, but no lone surrogates), nulls where the app writes them, lists of any length, any finite gpa, UTC
/// timestamps, and unknown properties with well-formed values. Their files must take the parser's fast path.
/// </summary>
internal sealed class ValidRandomProfiles(int seed)
{
    private static readonly string[] Words =
    [
        "Ada", "Lovelace", "engine", "C#", ".NET", "2019-07", "Present", "Zürich", "São Paulo", "東京", "😀", "👩‍💻", "\"quoted\"",
        "back\\slash", "tab\there", "line\nbreak", "<b>&amp;</b>", "+1 555", "\u2028", "\u00A0", "é", "https://example.com/a?b=c&d=e", "a/b",
        "\u0001", "\u007F", "\uFEFF", "O'Brien", "x",
    ];

    private static readonly string[] Elements =
    [
        "1", "-0", "1.50", "1e400", "123456789012345678901234567890", "true", "false", "null", "\"text\"", "\"\\u00e9\\ud83d\\ude00\"",
        "[]", "{}", "[1, \"a\", null, [true]]", "{\"a\": {\"b\": [1, 2, {\"c\": \"d\"}]}, \"e\": \"\\u0041\"}", "[{\"x\": 1}, {\"x\": 2}]"
    ];

    private readonly Random _random = new(seed);

    /// <summary>Generates the next profile.</summary>
    public UserProfile Next() => new()
    {
        Version = Pick("1.0", "1.1", Text()),
        PersonalInfo = _random.Next(8) == 0 ? null : new PersonalInfo
        {
            FirstName = Text(),
            LastName = Text(),
            Email = Text(),
            Phone = Optional(),
            LinkedinUrl = Optional(),
            GithubUrl = Optional(),
            PortfolioUrl = Optional(),
            Address = Optional(),
            City = Optional(),
            State = Optional(),
            ZipCode = Optional(),
            Country = Optional(),
            AdditionalProperties = Extra(),
        },
        Summary = Optional(),
        Education = List(() => new Education
        {
            Institution = Text(),
            Degree = Text(),
            FieldOfStudy = Text(),
            StartDate = Text(),
            EndDate = Optional(),
            Gpa = _random.Next(4) switch
            {
                0 => null,
                1 => Math.Round(_random.NextDouble() * 4, 2),
                2 => BitConverter.Int64BitsToDouble(_random.NextInt64()) is var bits && double.IsFinite(bits) ? bits : -0.0,
                _ => _random.NextDouble(),
            },
            Honors = Texts(),
            RelevantCoursework = Texts(),
            AdditionalProperties = Extra(),
        }),
        WorkExperience = List(() => new WorkExperience
        {
            Company = Text(),
            Position = Text(),
            StartDate = Text(),
            EndDate = Optional(),
            Location = Optional(),
            Responsibilities = Texts(),
            Achievements = Texts(),
            Technologies = Texts(),
            AdditionalProperties = Extra(),
        }),
        Skills = Texts(),
        Projects = List(() => new Project
        {
            Name = Text(),
            Description = Text(),
            StartDate = Optional(),
            EndDate = Optional(),
            Url = Optional(),
            Technologies = Texts(),
            Highlights = Texts(),
            AdditionalProperties = Extra(),
        }),
        Certifications = List(() => new Certification
        {
            Name = Text(),
            Issuer = Text(),
            DateObtained = Text(),
            ExpirationDate = Optional(),
            CredentialId = Optional(),
            Url = Optional(),
            AdditionalProperties = Extra(),
        }),
        LastUpdated = new DateTime(_random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc),
        AdditionalProperties = Extra(),
    };

    private string Text()
    {
        var text = new StringBuilder();
        for (var i = _random.Next(5) == 0 ? 0 : _random.Next(1, 8); i > 0; i--)
        {
            text.Append(Words[_random.Next(Words.Length)]).Append(' ');
        }

        if (_random.Next(10) == 0)
        {
            text.Append('a', _random.Next(200, 3000));
        }

        return text.ToString();
    }

    private string? Optional() => _random.Next(4) == 0 ? null : Text();

    private List<string> Texts() => List(Text);

    private List<T> List<T>(Func<T> item)
    {
        var list = new List<T>();
        for (var i = _random.Next(3) == 0 ? 0 : _random.Next(1, 6); i > 0; i--)
        {
            list.Add(item());
        }

        return list;
    }

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

    // Unknown properties: never a known name, never twice the same name.
    private Dictionary<string, JsonElement>? Extra()
    {
        if (_random.Next(3) != 0)
        {
            return null;
        }

        var extra = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var name = Pick("pronouns", "x", "é\"", "\u00e9", "$id", "additional_properties", "Version", "FIRST_NAME", "") + i.ToString(CultureInfo.InvariantCulture);
            extra[name] = JsonElement.Parse(Elements[_random.Next(Elements.Length)]);
        }

        return extra;
    }
}
