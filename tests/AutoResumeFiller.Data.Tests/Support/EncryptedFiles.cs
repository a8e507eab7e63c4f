using System.IO.Compression;
using System.Text;
using AutoResumeFiller.Data.Encryption;

namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>Looks inside encrypted files of a <see cref="ManagerTestContext"/> with the test's key ring.</summary>
internal static class EncryptedFiles
{
    /// <summary>Values of <see cref="ManagerTestContext.ValidProfile"/> that must never appear on disk in plaintext.</summary>
    public static readonly string[] SecretFields = ["Lovelace", "ada@example.com", "Analytical Engines Ltd", "Wrote the first program"];

    /// <summary>The key id in the header of an encrypted file.</summary>
    public static string KeyIdOf(byte[] file) => DataEncryption.KeyIdOf(file) ?? throw new InvalidOperationException("not an encrypted file");

    /// <summary>The entries (name → bytes) of a <c>.zip.enc</c>, decrypted with <paramref name="ring"/>.</summary>
    public static Dictionary<string, byte[]> Entries(ManagerTestContext context, string backupPath, EncryptionKeyRing ring)
    {
        using var file = new MemoryStream(context.FileSystem.File.ReadAllBytes(backupPath));
        using var plain = DecryptingStream.Open(file, ring, FileRole.Backup, backupPath);
        using var zip = new ZipArchive(plain, ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = e.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>Every file on the mock disk holding one of <see cref="SecretFields"/> as bytes (UTF-8), or inside a plaintext ZIP.</summary>
    public static List<string> PlaintextHits(ManagerTestContext context)
    {
        var hits = new List<string>();
        foreach (var path in context.FileSystem.AllFiles)
        {
            var bytes = context.FileSystem.File.ReadAllBytes(path);
            if (Contains(bytes) || (bytes.AsSpan().StartsWith("PK"u8) && ZipContains(bytes)))
            {
                hits.Add(path);
            }
        }

        return hits;
    }

    private static bool Contains(byte[] bytes) => SecretFields.Any(f => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(f)) >= 0);

    private static bool ZipContains(byte[] bytes)
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
}
