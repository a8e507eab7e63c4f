namespace AutoResumeFiller.Data.TestFixtures;

/// <summary>
/// The shared fixtures of the Python app (Fixtures/python-app, copied next to each test project's output), compiled into
/// every test project that uses them.
/// </summary>
internal static class PythonAppFixture
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "python-app");

    public static string LegacyFolder => Path.Combine(Folder, "legacy-data-dir");

    public static string ExportPath => Path.Combine(Folder, "python_app_export.zip");

    /// <summary>Copies the app's data folder to <paramref name="target"/> (created as needed) and returns it.</summary>
    public static string CopyLegacyFolder(string target)
    {
        foreach (var file in Directory.EnumerateFiles(LegacyFolder, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(LegacyFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
