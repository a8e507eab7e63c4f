namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>Says which files a backup or export just left out because no backup can hold their names (see <see cref="UserDataManager.FilesLeftOutOfLastBackup"/>).</summary>
internal static class LeftOutWarnings
{
    public static void Write(Terminal terminal, UserDataManager manager)
    {
        foreach (var file in manager.FilesLeftOutOfLastBackup)
        {
            terminal.Line($"  {terminal.Paint("warning:", Style.Yellow)} not in this archive: {file}; no backup can hold that name. Rename the file to have it backed up (a restore leaves it where it is).");
        }
    }
}
