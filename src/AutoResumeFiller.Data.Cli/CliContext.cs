using System.CommandLine;
using System.Globalization;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli;

/// <summary>What every command shares: the terminal and the global options that choose and guard the data directory.</summary>
internal sealed class CliContext
{
    public CliContext(Terminal terminal)
    {
        Terminal = terminal;
    }

    public Terminal Terminal { get; }

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "The data directory (default: $AUTORESUMEFILLER_DATA_DIR, else the platform default, e.g. ~/.local/share/autoresumefiller on Linux).",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<double?> LockTimeout { get; } = new("--lock-timeout")
    {
        Description = "How long to wait for another process to release the data lock (default: 5).",
        HelpName = "SECONDS",
        Recursive = true,
        CustomParser = ParseSeconds,
    };

    /// <summary>The environment variable that names the key file when <c>--key-file</c> is not given.</summary>
    public const string KeyFileVariable = "AUTORESUMEFILLER_KEY_FILE";

    public Option<string?> KeyFile { get; } = new("--key-file")
    {
        Description = $"The encryption key file (default: ${KeyFileVariable}); with it the profile and backups are encrypted at rest. Keep it outside the data directory, and a copy of it elsewhere: without it the data cannot be decrypted.",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>The key file from <c>--key-file</c>, else <c>AUTORESUMEFILLER_KEY_FILE</c>, else null (no encryption).</summary>
    public string? KeyFilePath(ParseResult parseResult) =>
        parseResult.GetValue(KeyFile) is { Length: > 0 } path ? path
        : Environment.GetEnvironmentVariable(KeyFileVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>Creates a manager for the data directory chosen on the command line (or by the library's resolution order).</summary>
    public UserDataManager CreateManager(ParseResult parseResult)
    {
        var options = new UserDataManagerOptions { DataDirectory = parseResult.GetValue(DataDir) };
        if (KeyFilePath(parseResult) is { } keyFile)
        {
            options.Encryption = EncryptionKeyProviders.KeyFile(keyFile);
        }

        if (parseResult.GetValue(LockTimeout) is { } seconds)
        {
            options.LockTimeout = TimeSpan.FromSeconds(seconds);
        }

        return new UserDataManager(options);
    }

    /// <summary>The command that reaches the same data directory, for hints the user can copy.</summary>
    public string CommandPrefix(ParseResult parseResult) =>
        parseResult.GetValue(DataDir) is { } dir ? $"arf-data --data-dir {Quote(dir)}" : "arf-data";

    private static double? ParseSeconds(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 3600)
        {
            return seconds;
        }

        result.AddError($"--lock-timeout takes a number of seconds from 0 to 3600, not '{text}'.");
        return null;
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '\\' or '.' or '_' or '-' or ':' or '~')
            ? value
            : "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
