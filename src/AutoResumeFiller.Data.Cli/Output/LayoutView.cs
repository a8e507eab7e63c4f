namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>Prints the data directory's layout (DESIGN §3), marking what exists.</summary>
internal static class LayoutView
{
    public static void Write(Terminal terminal, UserDataManager manager)
    {
        var root = manager.DataDirectory;
        terminal.Line($"Data directory: {terminal.Paint(root, Style.Cyan)}");
        (string Path, string Shown, string About)[] entries =
        [
            (manager.ProfilePath, "data/" + Path.GetFileName(manager.ProfilePath), manager.ProfilePath.EndsWith(".enc", StringComparison.Ordinal) ? "the profile (encrypted)" : "the profile"),
            (manager.LockFilePath, "data/.user_profile.lock", "the lock file"),
            (Path.Combine(root, "config.yaml"), "config.yaml", "settings of the app (backed up, never parsed here)"),
            (Path.Combine(root, "resumes"), "resumes/", "resume files"),
            (Path.Combine(root, "cover_letters"), "cover_letters/", "cover letters"),
            (manager.BackupsDirectory, "backups/", "backup archives"),
            (Path.Combine(root, "logs"), "logs/", "logs"),
        ];
        foreach (var (path, shown, about) in entries)
        {
            var exists = File.Exists(path) || Directory.Exists(path);
            var state = exists ? "" : terminal.Paint(" (not present)", Style.Dim);
            terminal.Line($"  {shown,-25} {about}{state}");
        }
    }
}
