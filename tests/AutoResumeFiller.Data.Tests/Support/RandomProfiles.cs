using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// Seeded generator of arbitrary (mostly invalid) profiles for differential serializer tests: every property
/// null, empty or an edge value in turn, strings of hostile characters, extreme doubles and dates, and extension
/// data of every <see cref="JsonElement"/> kind at every object level. The same seed gives the same profiles.
/// </summary>
internal sealed class RandomProfiles(int seed)
{
    /// <summary>Gpa values whose JSON form is easy to get wrong (all finite: non-finite values throw and are tested apart).</summary>
    public static readonly double[] EdgeDoubles =
    [
        0.0, -0.0, 1e-7, 3.9999999999999996, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
        0.1, 0.30000000000000004, 1.0 / 3, 4.0, 3.8, -1.5, 1e15, 1e16, 1e17, 123456789012345678, 1e21, 1e-5, 1e-300,
        2.2250738585072014E-308, 9007199254740993, -4.0, 100, 0.5, 1e308,
    ];

    /// <summary>Characters the writer must escape, keep, or replace (lone surrogates become U+FFFD).</summary>
    private static readonly string[] Pieces =
    [
        "\0", "\u0001", "\b", "\t", "\n", "\f", "\r", "\u001B", "\u001F", " ", "\"", "\\", "/", "'", "<", ">", "&", "+", "`",
        "\u007F", "\u0080", "\u009F", "\u00A0", "\u00AD", "é", "ß", "Ω", "中文", "日本", "\u0600", "\u200B", "\u200D", "\u2028",
        "\u2029", "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "😀", "👩‍💻", "𝄞", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800",
        "a", "Z", "0", "9", "-", "_", "@", ".", "https://example.com/a?b=c&d=<e>", "Ada", "Lovelace", "2020-01", "Present",
    ];

    private static readonly string[] ElementNumbers =
    [
        "0", "-0", "1", "-1", "1.0", "1.50", "1e5", "1E+5", "-1e-7", "0.1", "123456789012345678901234567890",
        "3.9999999999999996", "5e-324", "1.7976931348623157e308", "1e400", "12345.678900",
    ];

    private readonly Random _random = new(seed);

    // Keeps every parsed document (and so every JsonElement) alive for the generator's lifetime.
    private readonly List<JsonDocument> _documents = [];

    /// <summary>Generates the next profile.</summary>
    public UserProfile Next() => new()
    {
        Version = NullableString()!,
        PersonalInfo = Maybe(PersonalInfo),
        Summary = NullableString(),
        Education = List(() => Maybe(Education)!),
        WorkExperience = List(() => Maybe(Work)!),
        Skills = Strings(),
        Projects = List(() => Maybe(Project)!),
        Certifications = List(() => Maybe(Certification)!),
        LastUpdated = Date(),
        AdditionalProperties = Extension(),
    };

    /// <summary>Generates a <see cref="DateTime"/> of any kind, including the extremes.</summary>
    public DateTime Date()
    {
        var kind = (DateTimeKind)_random.Next(3);
        var ticks = _random.Next(8) switch
        {
            0 => DateTime.MinValue.Ticks,
            1 => DateTime.MaxValue.Ticks,
            2 => DateTime.MinValue.Ticks + _random.Next(1_000_000_000),
            3 => DateTime.MaxValue.Ticks - _random.Next(1_000_000_000),
            4 => new DateTime(2025, 11, 29, 10, 0, 0).Ticks + _random.Next(10_000_000),
            5 => new DateTime(2025, 11, 29, 10, 0, 0).Ticks + (_random.Next(10) * TimeSpan.TicksPerMillisecond),
            _ => _random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks),
        };
        return new DateTime(ticks, kind);
    }

    /// <summary>Generates a string of random pieces and random code units (null one time in eight).</summary>
    public string? NullableString() => _random.Next(8) == 0 ? null : String();

    /// <summary>Generates a string of random pieces and random code units.</summary>
    public string String()
    {
        var length = _random.Next(6) == 0 ? 0 : _random.Next(1, 12);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(_random.Next(4) switch
            {
                0 => ((char)_random.Next(0x10000)).ToString(),
                1 => char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)),
                _ => Pieces[_random.Next(Pieces.Length)],
            });
        }

        return text.ToString();
    }

    private PersonalInfo PersonalInfo() => new()
    {
        FirstName = NullableString()!,
        LastName = NullableString()!,
        Email = NullableString()!,
        Phone = NullableString(),
        LinkedinUrl = NullableString(),
        GithubUrl = NullableString(),
        PortfolioUrl = NullableString(),
        Address = NullableString(),
        City = NullableString(),
        State = NullableString(),
        ZipCode = NullableString(),
        Country = NullableString(),
        AdditionalProperties = Extension(),
    };

    private Education Education() => new()
    {
        Institution = NullableString()!,
        Degree = NullableString()!,
        FieldOfStudy = NullableString()!,
        StartDate = NullableString()!,
        EndDate = NullableString(),
        Gpa = _random.Next(4) switch
        {
            0 => null,
            1 => EdgeDoubles[_random.Next(EdgeDoubles.Length)],
            2 => BitConverter.Int64BitsToDouble(_random.NextInt64()) is var bits && double.IsFinite(bits) ? bits : 2.5,
            _ => Math.Round(_random.NextDouble() * 4, _random.Next(4)),
        },
        Honors = Strings(),
        RelevantCoursework = Strings(),
        AdditionalProperties = Extension(),
    };

    private WorkExperience Work() => new()
    {
        Company = NullableString()!,
        Position = NullableString()!,
        StartDate = NullableString()!,
        EndDate = NullableString(),
        Location = NullableString(),
        Responsibilities = Strings(),
        Achievements = Strings(),
        Technologies = Strings(),
        AdditionalProperties = Extension(),
    };

    private Project Project() => new()
    {
        Name = NullableString()!,
        Description = NullableString()!,
        StartDate = NullableString(),
        EndDate = NullableString(),
        Url = NullableString(),
        Technologies = Strings(),
        Highlights = Strings(),
        AdditionalProperties = Extension(),
    };

    private Certification Certification() => new()
    {
        Name = NullableString()!,
        Issuer = NullableString()!,
        DateObtained = NullableString()!,
        ExpirationDate = NullableString(),
        CredentialId = NullableString(),
        Url = NullableString(),
        AdditionalProperties = Extension(),
    };

    private List<string> Strings() => List(() => NullableString()!);

    private List<T> List<T>(Func<T> item)
    {
        var count = _random.Next(3) == 0 ? 0 : _random.Next(1, 4);
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(item());
        }

        return list;
    }

    private T? Maybe<T>(Func<T> make)
        where T : class => _random.Next(6) == 0 ? null : make();

    private Dictionary<string, JsonElement>? Extension()
    {
        switch (_random.Next(4))
        {
            case 0:
                return null;
            case 1:
                return [];
            default:
                var extension = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                var count = _random.Next(1, 5);
                for (var i = 0; i < count; i++)
                {
                    // Names include declared property names (written again after them) and names needing escapes.
                    var name = _random.Next(4) == 0 ? "version" : String();
                    extension[_random.Next(5) == 0 ? name + i.ToString(CultureInfo.InvariantCulture) : name] = Element();
                }

                return extension;
        }
    }

    // A value of any kind, parsed from text with random whitespace and escapes; sometimes a child of a larger document.
    private JsonElement Element()
    {
        var json = new StringBuilder();
        AppendValue(json, depth: 0);
        var wrapped = _random.Next(3) == 0;
        var document = JsonDocument.Parse(wrapped ? $"[1, {json}, \"x\"]" : json.ToString());
        _documents.Add(document);
        return wrapped ? document.RootElement[1] : document.RootElement;
    }

    private void AppendValue(StringBuilder json, int depth)
    {
        var kind = depth >= 4 ? _random.Next(5) : _random.Next(7);
        Space(json);
        switch (kind)
        {
            case 0:
                json.Append(ElementNumbers[_random.Next(ElementNumbers.Length)]);
                break;
            case 1:
                AppendString(json);
                break;
            case 2:
                json.Append("true");
                break;
            case 3:
                json.Append(_random.Next(2) == 0 ? "false" : "null");
                break;
            case 4:
                json.Append(_random.Next(2) == 0 ? "{}" : "[]");
                break;
            case 5:
                json.Append('[');
                for (var i = _random.Next(4); i > 0; i--)
                {
                    AppendValue(json, depth + 1);
                    json.Append(i > 1 ? "," : "");
                }

                json.Append(']');
                break;
            default:
                json.Append('{');
                for (var i = _random.Next(4); i > 0; i--)
                {
                    Space(json);
                    AppendString(json);
                    json.Append(':');
                    AppendValue(json, depth + 1);
                    json.Append(i > 1 ? "," : "");
                }

                json.Append('}');
                break;
        }

        Space(json);
    }

    // A JSON string literal mixing raw characters and every escape form, including escaped lone surrogates.
    private void AppendString(StringBuilder json)
    {
        json.Append('"');
        var text = String();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsSurrogatePair(text[i - 1], c);

            // An escaped lone surrogate makes the element unwritable (tested apart), so keep it rare.
            if (char.IsSurrogate(c) && !paired && _random.Next(40) != 0)
            {
                c = '?';
            }

            if (c < 0x20 || c is '"' or '\\' || char.IsSurrogate(c) || _random.Next(4) == 0)
            {
                var escape = _random.Next(3) == 0 ? c switch
                {
                    '\n' => "\\n",
                    '\t' => "\\t",
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '/' => "\\/",
                    _ => null,
                } : null;
                json.Append(escape ?? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
            }
            else
            {
                json.Append(c);
            }
        }

        json.Append('"');
    }

    private void Space(StringBuilder json) => json.Append(_random.Next(4) switch
    {
        0 => "",
        1 => " ",
        2 => "\n  ",
        _ => "\t\r\n",
    });
}
