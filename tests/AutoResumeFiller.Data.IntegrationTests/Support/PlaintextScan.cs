using System.IO.Compression;
using System.Text;

namespace AutoResumeFiller.Data.IntegrationTests.Support;

/// <summary>Looks at every byte under a folder for fields of <see cref="TestHost.SampleProfiles.Valid"/>, inside plaintext ZIP archives too.</summary>
public static class PlaintextScan
{
    /// <summary>Values of the sample profile that must never be on disk in plaintext when encryption is on.</summary>
    public static readonly string[] ProfileFields = ["Lovelace", "ada@example.com", "+15551234567", "Analytical Engine Company", "Menabrea", "University of London"];

    /// <summary>Every file under <paramref name="root"/> holding a profile field, as bytes or in a (deflated) ZIP entry.</summary>
    public static List<string> Hits(string root)
    {
        var hits = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(path);
            if (Contains(bytes) || (bytes.AsSpan().StartsWith("PK"u8) && ZipContains(bytes)))
            {
                hits.Add(path);
            }
        }

        return hits;
    }

    private static bool Contains(byte[] bytes) => ProfileFields.Any(f => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(f)) >= 0);

    private static bool ZipContains(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.Entries.Any(e =>
            {
                using var content = e.Open();
                using var copy = new MemoryStream();
                content.CopyTo(copy);
                return Contains(copy.ToArray());
            });
        }
        catch (InvalidDataException)
        {
            return true; // a half-written plaintext archive may hold profile bytes we cannot see: count it
        }
    }
}
