using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary>
/// <c>arf-data migrate [--from DIR] [--dry-run]</c>: brings in the Python app's data (its profile, JSON backups,
/// config.yaml, resumes/ and cover_letters/): says what it found and would import, then imports it.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string?>("--from")
        {
            Description = "The Python app's folder (default: the data directory itself when user_profile.json is at its root, else the app's default folder, e.g. ~/.local/share/AutoResumeFiller on Linux).",
            HelpName = "DIR",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what would be imported; change nothing." };
        var command = new Command("migrate", "Import the Python AutoResumeFiller app's data; its folder is only read, and a second run imports nothing twice.") { from, dryRun };
        command.SetAction(parseResult =>
        {
            var manager = context.CreateManager(parseResult);
            var terminal = context.Terminal;
            var source = parseResult.GetValue(from) is { } given ? Path.GetFullPath(given) : FindSource(manager);
            if (source is null)
            {
                terminal.Line("No data from the Python app was found: there is no user_profile.json at the root of");
                terminal.Line($"  {manager.DataDirectory} nor in the app's default folder. Name its folder with 'arf-data migrate --from DIR'.");
                return ExitCodes.Success;
            }

            var plan = manager.PreviewLegacyImport(source)
                ?? throw new UserDataException($"'{source}' holds no user_profile.json, so it is not the Python app's folder.", "Name the folder that holds the Python app's user_profile.json: 'arf-data migrate --from DIR'.");
            terminal.Heading($"Found the Python app's data in {source}");
            LegacyImportView.Write(terminal, plan);
            if (parseResult.GetValue(dryRun))
            {
                terminal.Line();
                terminal.Line(plan.ImportedAnything
                    ? $"Dry run: nothing was changed. Run '{context.CommandPrefix(parseResult)} migrate{FromArgument(parseResult, from)}' to import it."
                    : "Dry run: nothing was changed, and there is nothing left to import.");
                return ExitCodes.Success;
            }

            if (!plan.ImportedAnything)
            {
                terminal.Success("Nothing left to import: everything was imported before.");
                return ExitCodes.Success;
            }

            var result = manager.ImportLegacyData(source)!;
            terminal.Line();
            terminal.Success($"Imported into {manager.DataDirectory}");
            LegacyImportView.Write(terminal, result);
            terminal.Line($"  The Python app's folder was left as it was. See the profile with '{context.CommandPrefix(parseResult)} show'.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The data directory itself when the Python app's profile is at its root (Windows, macOS), else the app's default folder.</summary>
    public static string? FindSource(UserDataManager manager) =>
        File.Exists(Path.Combine(manager.DataDirectory, "user_profile.json")) ? manager.DataDirectory : UserDataManager.FindLegacyDataDirectory();

    private static string FromArgument(ParseResult parseResult, Option<string?> from) =>
        parseResult.GetValue(from) is { } dir ? $" --from \"{dir}\"" : "";
}
