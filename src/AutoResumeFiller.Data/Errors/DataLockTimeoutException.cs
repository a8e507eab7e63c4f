namespace AutoResumeFiller.Data;

/// <summary>The data lock could not be taken within <see cref="UserDataManagerOptions.LockTimeout"/>.</summary>
public sealed class DataLockTimeoutException : UserDataException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="lockPath">The lock file.</param>
    /// <param name="waited">How long the caller waited.</param>
    /// <param name="exclusive">Whether an exclusive (write) lock was requested.</param>
    /// <param name="innerException">The last sharing error seen, if any.</param>
    public DataLockTimeoutException(string lockPath, TimeSpan waited, bool exclusive, Exception? innerException = null)
        : base(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Timed out after {waited.TotalSeconds:0.###} s waiting for the {(exclusive ? "exclusive" : "shared")} lock on '{lockPath}'."),
            "Another process (or thread) is using the data; close other AutoResumeFiller windows or tools and try again, or raise LockTimeout.",
            innerException)
    {
        LockPath = lockPath;
        Waited = waited;
    }

    /// <summary>Gets the lock file.</summary>
    public string LockPath { get; }

    /// <summary>Gets how long the caller waited.</summary>
    public TimeSpan Waited { get; }
}
