using AutoResumeFiller.Data.Serialization;

namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// The encode/decode step of the pipeline (DESIGN §7) with encryption on: the profile's JSON is sealed in memory under
/// the current key before the save writes anything (so its temp file holds only ciphertext), and the stored bytes are
/// authenticated and decrypted before the load parses them.
/// </summary>
internal sealed class EncryptedProfileEncoding(DataEncryption encryption, string profilePath) : ProfileEncoding
{
    public override ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> json) => encryption.SealProfile(json.Span, profilePath);

    /// <exception cref="DataDecryptionException">The stored profile fails authentication, or its key is not in the ring.</exception>
    public override byte[] Decode(byte[] stored) => encryption.DecodeProfile(stored, profilePath);
}
