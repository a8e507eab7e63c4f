using System.Text;

namespace AutoResumeFiller.Data.IntegrationTests.Reliability;

/// <summary>Generated corruptions of a valid profile file, each tagged with whether a load may still accept it.</summary>
public static class HostileProfiles
{
    /// <summary>One corrupted file: its class, its bytes, and whether it could legitimately still be a valid profile.</summary>
    public sealed record Corruption(string Kind, byte[] Bytes, bool MayBeValid);

    public static IEnumerable<Corruption> Generate(byte[] valid, int scale, int seed)
    {
        var random = new Random(seed);
        var text = Encoding.UTF8.GetString(valid);

        // Truncation at every offset: only cutting trailing whitespace can leave a complete document.
        for (var length = 0; length < valid.Length; length++)
        {
            yield return new("truncation", valid[..length], MayBeValid: valid[length..].All(b => b is (byte)'\n' or (byte)' ' or (byte)'\r' or (byte)'\t'));
        }

        // Byte flips: a flip inside a string can leave a valid profile, anywhere else it must be refused.
        for (var i = 0; i < 2000 * scale; i++)
        {
            var bytes = (byte[])valid.Clone();
            var flips = 1 + random.Next(3);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            yield return new("byte flip", bytes, MayBeValid: true);
        }

        // Invalid UTF-8 inserted inside string values (after an opening quote of a value).
        byte[][] invalidSequences = [[0xFF], [0xC0, 0x80], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80]];
        var valueStarts = Enumerable.Range(0, valid.Length - 1).Where(i => valid[i] == (byte)'"' && i > 2 && valid[i - 1] == (byte)' ' && valid[i - 2] == (byte)':').ToList();
        for (var i = 0; i < 300 * scale; i++)
        {
            var at = valueStarts[random.Next(valueStarts.Count)] + 1;
            var bad = invalidSequences[random.Next(invalidSequences.Length)];
            yield return new("invalid utf-8", [.. valid[..at], .. bad, .. valid[at..]], MayBeValid: false);
        }

        // A byte-order mark: tolerated or refused, but never misread.
        yield return new("bom", [0xEF, 0xBB, 0xBF, .. valid], MayBeValid: true);
        yield return new("bom", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. valid], MayBeValid: false);
        yield return new("bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], MayBeValid: false);

        // Wrong types for every kind of field.
        string[] stringFields = ["\"version\": \"1.0\"", "\"first_name\": \"Ada\"", "\"email\": \"ada@example.com\"", "\"company\": \"Analytical Engine Company 0\"", "\"start_date\": \"1843-01\"", "\"institution\": \"University of London\""];
        string[] wrongForString = ["5", "true", "[]", "{}", "[\"a\"]", "{\"a\": 1}", "-0.5e3"];
        foreach (var field in stringFields)
        {
            var key = field[..(field.IndexOf(':', StringComparison.Ordinal) + 1)];
            foreach (var wrong in wrongForString)
            {
                yield return Replace("wrong type", text, field, $"{key} {wrong}", mayBeValid: false);
            }
        }

        string[] listKeys = ["\"skills\": [", "\"education\": [", "\"work_experience\": [", "\"responsibilities\": [", "\"technologies\": ["];
        string[] wrongForList = ["5", "\"x\"", "true", "{}", "{\"a\": []}"];
        foreach (var key in listKeys)
        {
            foreach (var wrong in wrongForList)
            {
                yield return ReplaceList("wrong type", text, key, wrong);
            }
        }

        foreach (var wrong in new[] { "5", "\"x\"", "true", "[]", "[{}]" })
        {
            yield return ReplaceObject("wrong type", text, "\"personal_info\": {", wrong);
        }

        foreach (var wrong in new[] { "\"x\"", "true", "[]", "{}", "\"3.9\"" })
        {
            yield return Replace("wrong type", text, "\"gpa\": 3.9", $"\"gpa\": {wrong}", mayBeValid: false);
        }

        foreach (var wrong in new[] { "5", "\"not a date\"", "true", "[]", "\"2024-13-45T99:00:00Z\"", "\"\"" })
        {
            yield return ReplaceValueOf("wrong type", text, "\"last_updated\": ", wrong);
        }

        // Nulls: for optional fields a null is fine, for required ones it must be refused.
        foreach (var (field, optional) in new[] { ("\"version\": \"1.0\"", false), ("\"first_name\": \"Ada\"", false), ("\"email\": \"ada@example.com\"", false), ("\"phone\": \"+15551234567\"", true), ("\"summary\": \"hostile\"", true), ("\"gpa\": 3.9", true), ("\"company\": \"Analytical Engine Company 0\"", false), ("\"start_date\": \"1843-01\"", false) })
        {
            var key = field[..(field.IndexOf(':', StringComparison.Ordinal) + 1)];
            yield return Replace("null", text, field, $"{key} null", mayBeValid: optional);
        }

        yield return ReplaceObject("null", text, "\"personal_info\": {", "null", mayBeValid: true);
        foreach (var key in listKeys)
        {
            yield return ReplaceList("null", text, key, "null", mayBeValid: key is "\"skills\": [" or "\"education\": [" or "\"work_experience\": [" or "\"technologies\": [");
        }

        yield return new("null", "null"u8.ToArray(), MayBeValid: false);
        yield return new("null", [.. valid[..40], 0, .. valid[40..]], MayBeValid: false);
        yield return new("null", new byte[valid.Length], MayBeValid: false);

        // Huge numbers.
        foreach (var huge in new[] { "1e400", "-1e400", "123456789012345678901234567890", "1e-400", "4.0000000000000000000000001", "NaN", "Infinity", "0x10" })
        {
            yield return Replace("huge number", text, "\"gpa\": 3.9", $"\"gpa\": {huge}", mayBeValid: huge is "1e-400" or "4.0000000000000000000000001");
            yield return Replace("huge number", text, "\"version\": \"1.0\"", $"\"version\": {huge}", mayBeValid: false);
        }

        // Whole files that are not a profile.
        foreach (var other in new[] { "", " ", "\n\n", "[]", "{}x", "\"profile\"", "0", "true", "{", "}", "{\"version\": \"1.0\"}}", "<profile/>", "version: 1.0\n" })
        {
            yield return new("not a profile", Encoding.UTF8.GetBytes(other), MayBeValid: false);
        }

        var noise = new byte[4096];
        random.NextBytes(noise);
        yield return new("not a profile", noise, MayBeValid: false);

        // Deep nesting: inside a known field, inside an unknown (preserved) field, and as the whole document.
        const int depth = 10_000;
        var arrays = new string('[', depth) + new string(']', depth);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        yield return Replace("deep nesting", text, "\"skills\": [", $"\"skills\": [{arrays}, ", mayBeValid: false);
        yield return Replace("deep nesting", text, "\"version\": \"1.0\"", $"\"future_field\": {objects},\n  \"version\": \"1.0\"", mayBeValid: false);
        yield return new("deep nesting", Encoding.UTF8.GetBytes(arrays), MayBeValid: false);

        // Very large strings: over the size limit, and under it but far over the summary's 2000 characters.
        yield return Replace("huge string", text, "\"summary\": \"hostile\"", $"\"summary\": \"{new string('a', 50 * 1024 * 1024)}\"", mayBeValid: false);
        yield return Replace("huge string", text, "\"summary\": \"hostile\"", $"\"summary\": \"{new string('b', 20 * 1024 * 1024)}\"", mayBeValid: false);

        // Duplicate keys at every level, including unknown properties.
        yield return Replace("duplicate key", text, "\"version\": \"1.0\"", "\"version\": \"1.0\",\n  \"version\": \"2.0\"", mayBeValid: false);
        yield return Replace("duplicate key", text, "\"first_name\": \"Ada\"", "\"first_name\": \"Ada\", \"first_name\": \"Eve\"", mayBeValid: false);
        yield return Replace("duplicate key", text, "\"company\": \"Analytical Engine Company 0\"", "\"company\": \"A\", \"company\": \"B\"", mayBeValid: false);
        yield return Replace("duplicate key", text, "\"skills\": [", "\"skills\": [], \"skills\": [", mayBeValid: false);
        yield return Replace("duplicate key", text, "\"version\": \"1.0\"", "\"future\": 1, \"future\": 2, \"version\": \"1.0\"", mayBeValid: false);
        yield return Replace("duplicate key", text, "\"version\": \"1.0\"", "\"version\": \"1.0\", \"VERSION\": \"1.0\"", mayBeValid: true);
    }

    private static Corruption Replace(string kind, string text, string find, string replacement, bool mayBeValid)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"the sample profile has no '{find}'");
        }

        return new(kind, Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length))), mayBeValid);
    }

    /// <summary>Replaces the JSON value after <paramref name="keyWithColon"/> (a string, number or literal) with <paramref name="value"/>.</summary>
    private static Corruption ReplaceValueOf(string kind, string text, string keyWithColon, string value)
    {
        var start = text.IndexOf(keyWithColon, StringComparison.Ordinal) + keyWithColon.Length;
        var end = text.IndexOfAny([',', '\n', '}'], text[start] == '"' ? text.IndexOf('"', start + 1) : start);
        return new(kind, Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), value, text.AsSpan(end))), MayBeValid: false);
    }

    /// <summary>Replaces the array opened by <paramref name="keyWithBracket"/> (first occurrence) with <paramref name="value"/>.</summary>
    private static Corruption ReplaceList(string kind, string text, string keyWithBracket, string value, bool mayBeValid = false) =>
        ReplaceBalanced(kind, text, keyWithBracket, '[', ']', value, mayBeValid);

    private static Corruption ReplaceObject(string kind, string text, string keyWithBrace, string value, bool mayBeValid = false) =>
        ReplaceBalanced(kind, text, keyWithBrace, '{', '}', value, mayBeValid);

    private static Corruption ReplaceBalanced(string kind, string text, string keyWithOpen, char open, char close, string value, bool mayBeValid)
    {
        var keyAt = text.IndexOf(keyWithOpen, StringComparison.Ordinal);
        var openAt = keyAt + keyWithOpen.Length - 1;
        var depth = 0;
        var inString = false;
        for (var i = openAt; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return new(kind, Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, openAt), value, text.AsSpan(i + 1))), mayBeValid);
            }
        }

        throw new InvalidOperationException($"unbalanced sample near '{keyWithOpen}'");
    }
}
