namespace AutoResumeFiller.Data.Tests.Support;

/// <summary>Fault rules for <see cref="FaultInjectingFileSystem.Fault"/> that stop a legacy import at one of its steps, as a crash there would.</summary>
internal static class LegacyImportFaults
{
    /// <summary>Fails the rename of the <paramref name="n"/>th write of <c>data/legacy_import.json</c> (1: the profile's pending record, 2: its imported record, then one per file and backup).</summary>
    public static Func<FaultOperation, string, Exception?> NthLedgerWrite(int n)
    {
        var writes = 0;
        return (op, path) =>
            op == FaultOperation.Move && path.EndsWith("legacy_import.json", StringComparison.Ordinal) && ++writes == n
                ? FaultInjectingFileSystem.IOError(5)
                : null;
    }

    /// <summary>Fails every replace of the profile at <paramref name="profilePath"/>: the import's save never lands.</summary>
    public static Func<FaultOperation, string, Exception?> ProfileReplace(string profilePath) =>
        (op, path) => op == FaultOperation.Move && path == profilePath ? FaultInjectingFileSystem.IOError(5) : null;
}
