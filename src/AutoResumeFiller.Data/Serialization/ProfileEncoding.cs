namespace AutoResumeFiller.Data.Serialization;

/// <summary>
/// The encode step of a save and the decode step of a load: turns the profile's JSON into the bytes stored in
/// <c>user_profile.json</c> and back. Today the stored bytes are the JSON itself (<see cref="Identity"/>); encryption
/// at rest (DESIGN.md §10) is another implementation of this one seam.
/// </summary>
internal abstract class ProfileEncoding
{
    /// <summary>Gets the encoding that stores the JSON as it is.</summary>
    public static ProfileEncoding Identity { get; } = new IdentityEncoding();

    /// <summary>Turns the profile's UTF-8 JSON into the bytes to store.</summary>
    /// <param name="json">The serialized profile; the result may be this same memory.</param>
    public abstract ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> json);

    /// <summary>Turns stored bytes back into the profile's UTF-8 JSON.</summary>
    public abstract byte[] Decode(byte[] stored);

    private sealed class IdentityEncoding : ProfileEncoding
    {
        public override ReadOnlyMemory<byte> Encode(ReadOnlyMemory<byte> json) => json;

        public override byte[] Decode(byte[] stored) => stored;
    }
}
