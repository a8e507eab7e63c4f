namespace AutoResumeFiller.Data;

/// <summary>Progress of a manual backup, reported after each chunk written.</summary>
/// <param name="BytesDone">Uncompressed bytes read so far.</param>
/// <param name="BytesTotal">Uncompressed bytes to read in all.</param>
/// <param name="FilesDone">Files finished so far.</param>
/// <param name="FilesTotal">Files to back up in all.</param>
/// <param name="CurrentFile">The file being read, relative to the data directory with <c>/</c> separators.</param>
public sealed record BackupProgress(long BytesDone, long BytesTotal, int FilesDone, int FilesTotal, string CurrentFile)
{
    /// <summary>Gets the fraction done, from 0 to 1.</summary>
    public double Fraction => BytesTotal <= 0 ? 1.0 : Math.Clamp((double)BytesDone / BytesTotal, 0.0, 1.0);
}
