using System.IO.Compression;
using System.Text;

namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>
/// A job seeker's data directory: resume PDFs (deflated content streams and a photo, as PDF writers make them), DOCX
/// files (ZIP packages of WordprocessingML), plain-text cover letters and JSON, in English-like prose from a seeded
/// generator. Several files are over 1 MiB, where the backup verifier's 100:1 ratio rule applies.
/// </summary>
public static class RealisticCorpus
{
    private static readonly string[] Words =
    [
        "experience", "engineering", "team", "delivered", "analysis", "customer", "platform", "design", "led", "improved",
        "the", "of", "and", "with", "performance", "data", "a", "to", "in", "for", "project", "managed", "developed",
        "reduced", "costs", "by", "percent", "across", "regional", "offices", "responsible", "stakeholders", "quarterly",
        "reporting", "migration", "cloud", "services", "mentored", "junior", "engineers", "hiring", "roadmap", "launch",
        "I", "am", "writing", "apply", "position", "your", "company", "mission", "excited", "opportunity", "skills",
        "Python", "SQL", "Kubernetes", "budget", "vendor", "negotiated", "contracts", "growth", "revenue", "users",
        "accessibility", "research", "interviews", "prototype", "release", "incident", "on-call", "latency", "2019", "2023",
    ];

    /// <summary>Writes the corpus under <paramref name="root"/>; returns each file's path relative to it, with its size.</summary>
    public static Dictionary<string, long> Write(string root, int seed)
    {
        var random = new Random(seed);
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        void Save(string relative, byte[] content)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            files[relative] = content.Length;
        }

        for (var i = 0; i < 3; i++)
        {
            Save($"resumes/resume-{i}.pdf", Pdf(random, pages: 4 + i, photoBytes: (1 + i) * 600 * 1024));
            Save($"resumes/resume-{i}.docx", Docx(random, paragraphs: 400 + (200 * i), mediaBytes: 1200 * 1024));
        }

        for (var i = 0; i < 12; i++)
        {
            Save($"cover_letters/letter-{i:D2}.txt", Encoding.UTF8.GetBytes(Prose(random, 2_000 + (i * 700))));
        }

        Save("cover_letters/all-letters-2024.txt", Encoding.UTF8.GetBytes(Prose(random, 1_600_000)));
        Save("resumes/parsed-resumes.json", Encoding.UTF8.GetBytes(ParsedJson(random, entries: 3_000)));
        return files;
    }

    private static string Prose(Random random, int length)
    {
        var text = new StringBuilder(length + 64);
        var sentence = 0;
        while (text.Length < length)
        {
            var word = Words[random.Next(Words.Length)];
            text.Append(sentence == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            sentence++;
            if (sentence > 6 && random.Next(8) == 0)
            {
                text.Append(random.Next(6) == 0 ? ".\n\n" : ". ");
                sentence = 0;
            }
            else
            {
                text.Append(random.Next(12) == 0 ? ", " : " ");
            }
        }

        return text.ToString();
    }

    /// <summary>A PDF as writers make them: each page's text in a FlateDecode stream, a JPEG-like photo (incompressible).</summary>
    private static byte[] Pdf(Random random, int pages, int photoBytes)
    {
        using var pdf = new MemoryStream();
        void Ascii(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Ascii("%PDF-1.7\n%\u00e2\u00e3\n");
        for (var page = 0; page < pages; page++)
        {
            var content = Encoding.ASCII.GetBytes($"BT /F1 11 Tf 72 720 Td ({Prose(random, 6_000).Replace("\n", " ", StringComparison.Ordinal)}) Tj ET");
            using var deflated = new MemoryStream();
            using (var z = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(content);
            }

            Ascii($"{page + 1} 0 obj\n<< /Length {deflated.Length} /Filter /FlateDecode >>\nstream\n");
            pdf.Write(deflated.ToArray());
            Ascii("\nendstream\nendobj\n");
        }

        var photo = new byte[photoBytes];
        random.NextBytes(photo);
        Ascii($"{pages + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Filter /DCTDecode /Length {photoBytes} >>\nstream\n");
        pdf.Write(photo);
        Ascii("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A DOCX: a ZIP package with deflated WordprocessingML and an embedded image.</summary>
    private static byte[] Docx(Random random, int paragraphs, int mediaBytes)
    {
        using var package = new MemoryStream();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open(), Encoding.UTF8))
            {
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
                for (var i = 0; i < paragraphs; i++)
                {
                    writer.Write($"<w:p><w:r><w:t xml:space=\"preserve\">{Prose(random, 300)}</w:t></w:r></w:p>");
                }

                writer.Write("</w:body></w:document>");
            }

            var image = new byte[mediaBytes];
            random.NextBytes(image);
            using var media = zip.CreateEntry("word/media/image1.jpeg", CompressionLevel.NoCompression).Open();
            media.Write(image);
        }

        return package.ToArray();
    }

    private static string ParsedJson(Random random, int entries)
    {
        var json = new StringBuilder("[\n");
        for (var i = 0; i < entries; i++)
        {
            json.Append("  {\"company\": \"").Append(Prose(random, 20)).Append("\", \"position\": \"").Append(Prose(random, 25))
                .Append("\", \"start_date\": \"20").Append(random.Next(10, 24)).Append('-').Append((random.Next(12) + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\", \"responsibilities\": [\"").Append(Prose(random, 200)).Append("\", \"").Append(Prose(random, 160)).Append("\"]}")
                .Append(i + 1 < entries ? ",\n" : "\n");
        }

        return json.Append("]\n").ToString();
    }
}
