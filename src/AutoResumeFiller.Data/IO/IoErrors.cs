namespace AutoResumeFiller.Data.IO;

/// <summary>Maps operating-system failures to the library's typed errors.</summary>
internal static class IoErrors
{
    // ENOSPC and EDQUOT on Linux/macOS; .NET puts the errno in HResult on Unix.
    private const int Enospc = 28;
    private const int EdquotLinux = 122;
    private const int EdquotMac = 69;

    // ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HRESULTs on Windows.
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool IsDiskFull(Exception ex) =>
        ex is IOException { HResult: Enospc or EdquotLinux or EdquotMac or WindowsDiskFull or WindowsHandleDiskFull };

    /// <summary>Turns <paramref name="ex"/> into a <see cref="UserDataException"/> that says what to do next.</summary>
    public static UserDataException Map(Exception ex, string path, string action)
    {
        return ex switch
        {
            UserDataException typed => typed,
            UnauthorizedAccessException => new DataAccessDeniedException(path, ex),
            _ when IsDiskFull(ex) => new InsufficientDiskSpaceException(
                $"Insufficient disk space: the disk filled up while {action} '{path}'.", 0, null, ex),
            _ => new UserDataException(
                $"I/O error while {action} '{path}': {ex.Message}",
                "Check that the data directory is on a working, writable disk and try again.",
                ex),
        };
    }

    /// <summary>Whether <paramref name="ex"/> is an operating-system failure that <see cref="Map"/> should translate.</summary>
    public static bool IsIoFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or System.Security.SecurityException;
}
