using System.Text;

namespace AutoResumeFiller.Data.Benchmarks.Support;

/// <summary>
/// Deterministic, realistic English-like text: words drawn from a vocabulary of common words plus a long tail of
/// generated ones, with a Zipf distribution, sentences and paragraphs. Compresses like prose (about 3:1), not like
/// a repeated string.
/// </summary>
internal sealed class TextGenerator
{
    private static readonly string[] CommonWords =
    [
        "the", "of", "and", "to", "a", "in", "for", "is", "on", "that", "by", "this", "with", "you", "it", "not", "or", "be",
        "are", "from", "at", "as", "your", "all", "have", "new", "more", "an", "was", "we", "will", "can", "us", "about",
        "if", "my", "has", "but", "our", "one", "other", "do", "no", "information", "time", "they", "he", "up", "may",
        "what", "which", "their", "out", "use", "any", "there", "see", "only", "so", "his", "when", "here", "business",
        "who", "also", "now", "help", "get", "first", "been", "would", "how", "were", "me", "some", "these", "its", "like",
        "service", "than", "find", "date", "back", "top", "people", "had", "list", "name", "just", "over", "year", "day",
        "into", "two", "health", "world", "next", "used", "work", "last", "most", "products", "data", "make", "them",
        "should", "product", "system", "post", "her", "city", "add", "policy", "number", "such", "please", "available",
        "team", "project", "experience", "managed", "developed", "designed", "customer", "platform", "performance",
        "engineering", "software", "led", "improved", "reduced", "delivered", "built", "migrated", "scalable",
        "application", "cloud", "services", "analysis", "requirements", "stakeholders", "quality", "process", "growth",
        "revenue", "strategy", "operations", "security", "infrastructure", "deployment", "automation", "testing",
        "position", "company", "opportunity", "skills", "background", "role", "contribute", "excited", "sincerely",
        "dear", "hiring", "manager", "responsible", "including", "across", "through", "within", "between", "during",
    ];

    private static readonly string[] Syllables =
    [
        "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "qui", "ro", "su", "ta", "ve", "wi", "xo",
        "za", "tion", "ment", "ing", "er", "al", "ic", "ous", "ive", "ly", "str", "pl", "cr", "th", "sh", "ch", "an", "en",
        "in", "on", "un", "or", "ar", "ur", "est", "ity",
    ];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public TextGenerator(int seed, int tailWords = 6000)
    {
        _random = new Random(seed);
        var words = new List<string>(CommonWords);
        var seen = new HashSet<string>(words, StringComparer.Ordinal);
        while (words.Count < CommonWords.Length + tailWords)
        {
            var builder = new StringBuilder();
            var parts = 2 + _random.Next(3);
            for (var i = 0; i < parts; i++)
            {
                builder.Append(Syllables[_random.Next(Syllables.Length)]);
            }

            var word = builder.ToString();
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        _vocabulary = [.. words];
        _cumulative = new double[_vocabulary.Length];
        double total = 0;
        for (var rank = 0; rank < _vocabulary.Length; rank++)
        {
            total += 1.0 / (rank + 1);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < _cumulative.Length; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    public string Word()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _vocabulary[index < 0 ? Math.Min(~index, _vocabulary.Length - 1) : index];
    }

    /// <summary>A sentence of <paramref name="minWords"/>–<paramref name="maxWords"/> words, capitalized, ending with a period.</summary>
    public string Sentence(int minWords = 8, int maxWords = 22)
    {
        var builder = new StringBuilder();
        AppendSentence(builder, minWords, maxWords);
        return builder.ToString();
    }

    /// <summary>Text of about <paramref name="length"/> characters (at most that many), in sentences of at most <paramref name="maxWords"/> words.</summary>
    public string Text(int length, int maxWords = 22)
    {
        var builder = new StringBuilder(length + 200);
        while (builder.Length < length)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            AppendSentence(builder, 6, maxWords);
        }

        return builder.ToString(0, Math.Min(length, builder.Length)).TrimEnd();
    }

    /// <summary>Writes about <paramref name="bytes"/> bytes of paragraphs (ASCII) to <paramref name="writer"/>.</summary>
    public void WriteDocument(TextWriter writer, long bytes)
    {
        long written = 0;
        var builder = new StringBuilder(4096);
        while (written < bytes)
        {
            builder.Clear();
            var sentences = 3 + _random.Next(6);
            for (var i = 0; i < sentences; i++)
            {
                if (i > 0)
                {
                    builder.Append(' ');
                }

                AppendSentence(builder, 6, 28);
            }

            builder.Append("\n\n");
            var remaining = bytes - written;
            var chunk = builder.Length <= remaining ? builder.ToString() : builder.ToString(0, (int)remaining);
            writer.Write(chunk);
            written += chunk.Length;
        }
    }

    private void AppendSentence(StringBuilder builder, int minWords, int maxWords)
    {
        var count = minWords + _random.Next(maxWords - minWords + 1);
        for (var i = 0; i < count; i++)
        {
            var word = Word();
            if (i == 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                builder.Append(' ').Append(word);
                if (i < count - 1 && _random.Next(9) == 0)
                {
                    builder.Append(',');
                }
            }
        }

        builder.Append('.');
    }

    public int Next(int min, int max) => _random.Next(min, max);
}
