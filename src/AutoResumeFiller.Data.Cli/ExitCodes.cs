namespace AutoResumeFiller.Data.Cli;

/// <summary>The documented exit codes of <c>arf-data</c>, and the one place that maps a failure to its code.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int DataError = 3;
    public const int LockTimeout = 4;
    public const int DiskFull = 5;
    public const int Cancelled = 130;
    public const int Terminated = 143;

    public static int For(Exception exception) => exception switch
    {
        DataLockTimeoutException => LockTimeout,
        InsufficientDiskSpaceException => DiskFull,
        InvalidBackupException { InnerException: InsufficientDiskSpaceException } => DiskFull, // a sound archive the drive cannot take
        UserDataException => DataError,
        ArgumentException => Usage,
        OperationCanceledException => Cancelled,
        _ => Unexpected,
    };
}
