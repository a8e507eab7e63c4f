using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>
/// Seeded, deterministic mutations of a valid profile file for differential parser tests: every value replaced by
/// values of every type (nulls, wrong types, edge numbers, bad timestamps, duplicates inside, broken tokens),
/// every property duplicated or renamed (escaped spellings, other cases, lone surrogates), document-level variants
/// (BOM, whitespace, comments, trailing commas, trailing content, deep nesting) and byte-level damage.
/// </summary>
internal static class ProfileMutations
{
    /// <summary>One generated input.</summary>
    public sealed record Mutation(string Kind, byte[] Bytes);

    /// <summary>Replacements tried for every value in the file.</summary>
    public static readonly string[] Values =
    [
        "null", "0", "5", "-0", "-0.0", "3.9", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.1e1",
        "\"3.9\"", "\"\"", "\"x\"", "\"\\u0041da\"", "\"\\/\\\"\\\\\\b\\f\\n\\r\\t\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\ud83d\\ude00\"",
        "\"a\\u0000b\"", "\"2024-01-01T00:00:00Z\"", "true", "false", "[]", "{}", "[null]", "[\"a\", null, \"b\"]", "[1]", "[[\"a\"]]",
        "[{}]", "[null, {}]", "[{\"a\": 1}]", "{\"a\": 1}", "{\"a\": 1, \"a\": 2}", "{\"a\": 1, \"\\u0061\": 2}", "[{\"a\": [1, {\"b\": 1, \"b\": 1}]}]",
        "{\"a\": {\"\\uD800\": 1}}", "[{\"name\": \"n\"}]", "{\"first_name\": \"A\", \"first_name\": \"B\"}", "NaN", "Infinity", "-", "01", ".5",
        "0x10", "'a'", "\"a", "[1,]", "{\"a\": 1,}", "tru", "\"\t\"", "[1 2]", "{\"a\" 1}",
    ];

    /// <summary>Numbers (and a few non-numbers) tried for <c>gpa</c>.</summary>
    public static readonly string[] Gpas =
    [
        "3.9", "4", "4.0", "-0", "0e0", "1E2", "1e400", "-1e400", "1e-400", "4.0000000000000000000000001", "123456789012345678901234567890",
        "2.2250738585072011e-308", "4.9e-324", "5e-325", "1.7976931348623157e308", "1.7976931348623159e308", "0.30000000000000004",
        "3.999999999999999999999", "-0.0e-0", "1e+2", "0.1E-1", "null", "\"3.9\"", "[3.9]", "+1", "1.", "1e", "-",
    ];

    /// <summary>Values tried for <c>last_updated</c>.</summary>
    public static readonly string[] Timestamps =
    [
        "\"2025-11-29T10:00:00Z\"", "\"2025-11-29T10:00:00\"", "\"2025-11-29T10:00:00.1234567Z\"", "\"2025-11-29T10:00:00.12345678Z\"",
        "\"2025-11-29T10:00:00.123456\"", "\"2025-11-29T10:00:00+05:30\"", "\"2025-11-29T10:00:00-00:00\"", "\"2025-11-29T10:00:00+14:00\"",
        "\"2025-11-29T10:00:00+15:00\"", "\"0001-01-01T00:00:00Z\"", "\"0001-01-01T00:00:00+01:00\"", "\"0001-01-01T00:00:00-01:00\"",
        "\"9999-12-31T23:59:59.9999999Z\"", "\"9999-12-31T23:59:59.9999999-01:00\"", "\"2025-11-29t10:00:00z\"", "\"2025-11-29 10:00:00Z\"",
        "\"2025-11-29\"", "\"2025-02-30T00:00:00Z\"", "\"2024-02-29T00:00:00Z\"", "\"2025-11-29T24:00:00Z\"", "\"2025-11-29T10:00:60Z\"",
        "\"\\u0032025-11-29T10:00:00Z\"", "\"2025-11-29T10:00:00\\u005a\"", "\" 2025-11-29T10:00:00Z\"", "\"2025-11-29T10:00:00Z \"",
        "\"2025-11-29T10:00:00.Z\"", "\"2025-11-29T10:00:00+0530\"", "\"2025-11-29T10:00:00." + new string('0', 50) + "Z\"", "\"\"", "null",
        "0", "1732874400", "\"yesterday\"", "\"\\uD800\"", "\"\u0662\u0660\u0662\u0665-11-29T10:00:00Z\"", "[\"2025-11-29T10:00:00Z\"]",
    ];

    /// <summary>Generates the mutations of <paramref name="valid"/> (UTF-8 JSON of a profile, indented or not).</summary>
    public static IEnumerable<Mutation> Generate(byte[] valid, int seed)
    {
        var random = new Random(seed);
        var members = Members(valid);

        foreach (var member in members)
        {
            foreach (var value in Values)
            {
                yield return ReplaceValue("value", valid, member, value);
            }

            var name = member.NameStart < 0 ? "" : Encoding.UTF8.GetString(valid.AsSpan(member.NameStart, member.NameEnd - member.NameStart));
            var special = name switch
            {
                "\"gpa\"" => Gpas,
                "\"last_updated\"" => Timestamps,
                _ => [],
            };
            foreach (var value in special)
            {
                yield return ReplaceValue(name, valid, member, value);
            }

            if (member.NameStart < 0)
            {
                continue;
            }

            var bare = name[1..^1];
            var property = valid[member.NameStart..member.ValueEnd];
            var value2 = valid[member.ValueStart..member.ValueEnd];
            yield return Insert("duplicate", valid, member.ValueEnd, [.. ", "u8, .. property]);
            yield return Insert("duplicate escaped", valid, member.ValueEnd, [.. Utf8($", \"{Escape(bare, all: true)}\": "), .. value2]);
            yield return Insert("duplicate escaped first", valid, member.ValueEnd, [.. Utf8($", \"{Escape(bare, all: false)}\": "), .. value2]);
            yield return Insert("duplicate null", valid, member.ValueEnd, Utf8($", {name}: null"));
            yield return Insert("unknown twice", valid, member.ValueEnd, Utf8(", \"zz\": 1, \"zz\": 2"));
            yield return Insert("unknown twice escaped", valid, member.ValueEnd, Utf8(", \"zz\": 1, \"\\u007a\\u007A\": [1]"));
            yield return Insert("unknown pair", valid, member.ValueEnd, Utf8(", \"zz\": 1, \"ZZ\": {\"a\": [1, \"b\"]}"));
            yield return Insert("extension names", valid, member.ValueEnd, Utf8(", \"additional_properties\": {\"a\": 1}, \"AdditionalProperties\": 2, \"$id\": \"1\", \"$type\": \"t\", \"$ref\": \"r\""));
            yield return Rename("escaped name", valid, member, Escape(bare, all: true));
            yield return Rename("escaped name first", valid, member, Escape(bare, all: false));
            yield return Rename("upper-case name", valid, member, bare.ToUpperInvariant());
            yield return Rename("capitalized name", valid, member, bare.Length > 0 ? char.ToUpperInvariant(bare[0]) + bare[1..] : "X");
            yield return Rename("pascal name", valid, member, string.Concat(bare.Split('_').Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w)));
            yield return Rename("prefixed name", valid, member, "x" + bare);
            yield return Rename("surrogate name", valid, member, bare + "\\uD800");
            yield return Rename("paired surrogate name", valid, member, bare + "\\ud83d\\ude00");
            yield return Rename("solidus name", valid, member, bare + "\\/");
        }

        foreach (var mutation in DocumentVariants(valid, members))
        {
            yield return mutation;
        }

        foreach (var mutation in ByteDamage(valid, random))
        {
            yield return mutation;
        }
    }

    private static IEnumerable<Mutation> DocumentVariants(byte[] valid, List<Member> members)
    {
        yield return new("bom", [0xEF, 0xBB, 0xBF, .. valid]);
        foreach (var space in new[] { "", " ", "\t", "\r\n", "\n\n  \t\r" })
        {
            yield return new("whitespace", [.. Utf8(space), .. valid.AsSpan().TrimEnd("\n"u8), .. Utf8(space)]);
        }

        foreach (var trailing in new[] { "x", "{}", "null", "\u00A0", "\u2028", "/* c */", "// c", ",", "}", "\0" })
        {
            yield return new("trailing content", [.. valid, .. Utf8(trailing)]);
        }

        foreach (var other in new[] { "", "null", "[]", "[{}]", "5", "\"profile\"", "{}", "{ }", "{\"version\": \"2.0\"}", "{\"unknown\": 1}" })
        {
            yield return new("other document", Utf8(other));
        }

        // Comments and trailing commas right after each of the first values, and before each container end.
        foreach (var member in members.Take(40))
        {
            yield return Insert("comment", valid, member.ValueEnd, Utf8(" /* c */"));
            yield return Insert("line comment", valid, member.ValueEnd, Utf8(" // c\n"));
            yield return Insert("trailing comma", valid, member.ValueEnd, Utf8(","));
        }

        // Nesting around the reader's limit of 64, in an unknown value at the root and one level down.
        for (var depth = 58; depth <= 66; depth++)
        {
            var arrays = new string('[', depth) + new string(']', depth);
            var objects = string.Concat(Enumerable.Repeat("{\"a\": ", depth)) + "1" + new string('}', depth);
            yield return Insert("deep arrays", valid, 1, Utf8($"\"deep\": {arrays}, "));
            yield return Insert("deep objects", valid, 1, Utf8($"\"deep\": {objects}, "));
            var personal = members.FirstOrDefault(m => m.NameStart >= 0 && valid[m.ValueStart] == (byte)'{');
            if (personal is not null)
            {
                yield return Insert("deep nested", valid, personal.ValueStart + 1, Utf8($"\"deep\": {arrays}, "));
            }
        }
    }

    private static IEnumerable<Mutation> ByteDamage(byte[] valid, Random random)
    {
        var stride = Math.Max(1, valid.Length / 1500);
        for (var length = 0; length < valid.Length; length += stride)
        {
            yield return new("truncation", valid[..length]);
        }

        for (var i = 0; i < 1500; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var flips = 1 + random.Next(3); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            yield return new("byte flip", bytes);
        }

        var structural = "{}[],:\"\\ 0-e.n"u8.ToArray();
        for (var i = 0; i < 500; i++)
        {
            var at = random.Next(valid.Length);
            yield return new("byte insert", [.. valid[..at], structural[random.Next(structural.Length)], .. valid[at..]]);
            yield return new("byte delete", [.. valid[..at], .. valid[(at + 1)..]]);
        }
    }

    /// <summary>Every value below the root with its property name (absent in arrays), as byte offsets.</summary>
    private static List<Member> Members(byte[] json)
    {
        var members = new List<Member>();
        var open = new Stack<(int Start, int NameStart, int NameEnd)>();
        var reader = new Utf8JsonReader(json);
        var (nameStart, nameEnd) = (-1, -1);
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    (nameStart, nameEnd) = (start, start + reader.ValueSpan.Length + 2);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    open.Push((start, nameStart, nameEnd));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var container = open.Pop();
                    if (open.Count > 0)
                    {
                        members.Add(new(container.NameStart, container.NameEnd, container.Start, (int)reader.BytesConsumed));
                    }

                    break;
                default:
                    members.Add(new(nameStart, nameEnd, start, start + reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0)));
                    break;
            }

            (nameStart, nameEnd) = (-1, -1);
        }

        foreach (var member in members)
        {
            var last = json[member.ValueEnd - 1];
            if ((member.NameStart >= 0 && json[member.NameEnd - 1] != (byte)'"') || last is (byte)' ' or (byte)',' or (byte)'\n')
            {
                throw new InvalidOperationException($"offsets of a member are wrong at {member.ValueStart}");
            }
        }

        return members;
    }

    private static Mutation ReplaceValue(string kind, byte[] json, Member member, string value) =>
        new(kind, [.. json[..member.ValueStart], .. Utf8(value), .. json[member.ValueEnd..]]);

    private static Mutation Rename(string kind, byte[] json, Member member, string name) =>
        new(kind, [.. json[..member.NameStart], .. Utf8($"\"{name}\""), .. json[member.NameEnd..]]);

    private static Mutation Insert(string kind, byte[] json, int at, byte[] text) => new(kind, [.. json[..at], .. text, .. json[at..]]);

    // Every character (or only the first) as a \u escape, alternating hex case.
    private static string Escape(string name, bool all) => string.Concat(name.Select((c, i) =>
        all || i == 0 ? "\\u" + ((int)c).ToString(i % 2 == 0 ? "x4" : "X4", CultureInfo.InvariantCulture) : c.ToString()));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private sealed record Member(int NameStart, int NameEnd, int ValueStart, int ValueEnd);
}
