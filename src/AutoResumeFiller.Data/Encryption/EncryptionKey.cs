using System.Security.Cryptography;

namespace AutoResumeFiller.Data;

/// <summary>One 256-bit key of an <see cref="EncryptionKeyRing"/>, with the id every file encrypted under it names in its header.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EncryptionKey
{
    /// <summary>The size of a key id in bytes (written as 16 lower-case hex digits).</summary>
    public const int IdSize = 8;

    /// <summary>The size of a key in bytes (AES-256).</summary>
    public const int KeySize = 32;

    private readonly byte[] _material;

    /// <summary>Initializes a key from stored values.</summary>
    /// <param name="id">16 lower-case hexadecimal digits.</param>
    /// <param name="createdAt">When the key was created.</param>
    /// <param name="material">The 32 key bytes (copied).</param>
    /// <exception cref="ArgumentException">The id is not 16 lower-case hex digits, or the key is not 32 bytes.</exception>
    public EncryptionKey(string id, DateTimeOffset createdAt, ReadOnlySpan<byte> material)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length != IdSize * 2 || !id.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A key id is 16 lower-case hexadecimal digits.", nameof(id));
        }

        if (material.Length != KeySize)
        {
            throw new ArgumentException($"A key is {KeySize} bytes.", nameof(material));
        }

        Id = id;
        CreatedAt = createdAt;
        _material = material.ToArray();
    }

    /// <summary>Gets the key id: 16 lower-case hex digits, unique in its ring.</summary>
    public string Id { get; }

    /// <summary>Gets when the key was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the 32 key bytes.</summary>
    public ReadOnlySpan<byte> Material => _material;

    /// <summary>Creates a new key from the operating system's cryptographic random number generator.</summary>
    /// <param name="createdAt">Its creation time.</param>
    /// <returns>The new key, with a random id.</returns>
    public static EncryptionKey Generate(DateTimeOffset createdAt)
    {
        Span<byte> material = stackalloc byte[KeySize];
        RandomNumberGenerator.Fill(material);
        try
        {
            return new EncryptionKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdSize)), createdAt, material);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
