namespace AutoResumeFiller.Data;

/// <summary>There is not enough free disk space to write safely; nothing was changed.</summary>
public sealed class InsufficientDiskSpaceException : UserDataException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What could not be written.</param>
    /// <param name="requiredBytes">The space needed, in bytes.</param>
    /// <param name="availableBytes">The space found, in bytes, when known.</param>
    /// <param name="innerException">The operating system's error, if any.</param>
    public InsufficientDiskSpaceException(string message, long requiredBytes, long? availableBytes, Exception? innerException = null)
        : base(message, "Free some disk space on the drive that holds the data directory (for example, delete old backups), then try again.", innerException)
    {
        RequiredBytes = requiredBytes;
        AvailableBytes = availableBytes;
    }

    /// <summary>Gets the space needed, in bytes.</summary>
    public long RequiredBytes { get; }

    /// <summary>Gets the space found, in bytes, or <see langword="null"/> when the disk filled up during the write.</summary>
    public long? AvailableBytes { get; }
}
