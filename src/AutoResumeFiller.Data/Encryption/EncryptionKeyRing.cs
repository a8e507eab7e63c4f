namespace AutoResumeFiller.Data;

/// <summary>
/// The keys data may be encrypted under, and the current one new data is encrypted with. Every encrypted file names
/// its key's id in its header, so old keys keep decrypting old files until a rotation re-encrypts them (as ASP.NET
/// Core Data Protection's key ring does).
/// </summary>
/// <remarks>Immutable and thread-safe; the <c>With…</c> methods return new rings.</remarks>
public sealed class EncryptionKeyRing
{
    private readonly Dictionary<string, EncryptionKey> _byId;

    /// <summary>Initializes a ring.</summary>
    /// <param name="keys">The keys; ids must be unique.</param>
    /// <param name="currentKeyId">The id of the key new data is encrypted with; must be one of <paramref name="keys"/>.</param>
    /// <exception cref="ArgumentException">Duplicate ids, or no key has <paramref name="currentKeyId"/>.</exception>
    public EncryptionKeyRing(IEnumerable<EncryptionKey> keys, string currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(currentKeyId);
        Keys = [.. keys];
        _byId = new Dictionary<string, EncryptionKey>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (!_byId.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"Key id {key.Id} appears twice in the ring.", nameof(keys));
            }
        }

        CurrentKey = _byId.GetValueOrDefault(currentKeyId)
            ?? throw new ArgumentException($"The current key {currentKeyId} is not in the ring.", nameof(currentKeyId));
    }

    /// <summary>Gets every key, in the order stored.</summary>
    public IReadOnlyList<EncryptionKey> Keys { get; }

    /// <summary>Gets the key new data is encrypted with.</summary>
    public EncryptionKey CurrentKey { get; }

    /// <summary>Creates a ring of one new random key.</summary>
    /// <param name="createdAt">The key's creation time.</param>
    /// <returns>The new ring.</returns>
    public static EncryptionKeyRing CreateNew(DateTimeOffset createdAt)
    {
        var key = EncryptionKey.Generate(createdAt);
        return new EncryptionKeyRing([key], key.Id);
    }

    /// <summary>Finds the key with id <paramref name="keyId"/>.</summary>
    /// <param name="keyId">16 lower-case hex digits.</param>
    /// <returns>The key, or <see langword="null"/> when the ring has none with that id.</returns>
    public EncryptionKey? FindKey(string keyId) => _byId.GetValueOrDefault(keyId);

    /// <summary>Returns this ring plus <paramref name="key"/>, which becomes the current key; the old keys stay.</summary>
    /// <param name="key">The new key.</param>
    /// <returns>The new ring.</returns>
    public EncryptionKeyRing WithCurrentKey(EncryptionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new EncryptionKeyRing([.. Keys, key], key.Id);
    }

    /// <summary>Returns this ring without the keys not named in <paramref name="keyIdsInUse"/>; the current key always stays.</summary>
    /// <param name="keyIdsInUse">The ids still used by some file.</param>
    /// <returns>The new ring.</returns>
    public EncryptionKeyRing WithOnlyKeys(IReadOnlySet<string> keyIdsInUse)
    {
        ArgumentNullException.ThrowIfNull(keyIdsInUse);
        return new EncryptionKeyRing(Keys.Where(k => k == CurrentKey || keyIdsInUse.Contains(k.Id)), CurrentKey.Id);
    }
}
