namespace AutoResumeFiller.Data.Encryption;

/// <summary>
/// What an encrypted file is for. Bound into every segment's associated data, so a file written for one role never
/// decrypts as another (a backup copied over the profile fails authentication).
/// </summary>
internal enum FileRole : byte
{
    Profile = 1,
    Backup = 2,
}
