namespace AutoResumeFiller.Data.Cli;

/// <summary>Reads files named on the command line, turning file-system failures into the library's error types.</summary>
internal static class InputFiles
{
    /// <summary>The realistic sample profile shipped with the tool (in <c>samples/</c> next to the tool's assembly).</summary>
    public static string SampleProfilePath => Path.Combine(AppContext.BaseDirectory, "samples", "sample_profile.json");

    /// <summary>Reads and parses a profile file without validating it.</summary>
    /// <exception cref="UserDataException">The file is missing, unreadable, or not JSON of the profile's shape.</exception>
    public static UserProfile ReadProfile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UserDataException($"File '{fullPath}' does not exist.", "Check the path; a relative path is taken from the current folder.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataAccessDeniedException(fullPath, ex);
        }
        catch (IOException ex)
        {
            throw new UserDataException($"Cannot read '{fullPath}': {ex.Message}", "Check that the path names a readable file.", ex);
        }

        try
        {
            return UserProfileSerializer.Deserialize(bytes);
        }
        catch (ProfileCorruptedException ex)
        {
            // The parser's message names the profile's usual file; this one may be any file the user gave.
            var details = ex.Message.StartsWith(ParsePrefix, StringComparison.Ordinal) ? ex.Message[ParsePrefix.Length..] : ex.Message;
            throw new UserDataException(
                $"Failed to parse '{fullPath}': {details}",
                "Check that the file is an AutoResumeFiller profile (JSON with snake_case keys, like 'arf-data show --json' prints); nothing was changed.",
                ex);
        }
    }

    private const string ParsePrefix = "Failed to parse user_profile.json: ";
}
