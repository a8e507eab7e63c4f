using System.CommandLine;
using System.Text.Json;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data show [--json]</c>: a readable summary of the stored profile, or the stored JSON itself; imports the Python app's profile when there is no profile yet.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the stored JSON file exactly as it is on disk (with --key-file, the decrypted JSON)." };
        var command = new Command("show", "Show a readable summary of the profile.") { json };
        command.SetAction(parseResult =>
        {
            var manager = context.CreateManager(parseResult);

            // Loading takes the shared lock and validates; the bytes printed are the file the load just checked
            // (saves replace it atomically, so a concurrent save shows either the old or the new file, never a mix).
            var profile = LoadOrImport(manager, context.Terminal);
            if (parseResult.GetValue(json))
            {
                context.Terminal.Out.Write(manager.ProfilePath.EndsWith(".enc", StringComparison.Ordinal)
                    ? DecryptedJson(profile)
                    : File.ReadAllText(manager.ProfilePath));
                return ExitCodes.Success;
            }

            context.Terminal.Line(context.Terminal.Paint($"Profile: {manager.ProfilePath}", Style.Dim));
            context.Terminal.Line();
            ProfileView.Write(context.Terminal, profile);
            HintAtUnimportedLegacyProfile(manager, profile, context);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>An empty profile (as an older <c>init</c> made) beside the Python app's profile: say how to bring the latter in.</summary>
    private static void HintAtUnimportedLegacyProfile(UserDataManager manager, UserProfile profile, CliContext context)
    {
        if (profile.PersonalInfo is not null || MigrateCommand.FindSource(manager) is not { } source)
        {
            return;
        }

        try
        {
            if (manager.PreviewLegacyImport(source) is { Profile: LegacyProfileOutcome.Imported })
            {
                context.Terminal.Line();
                context.Terminal.Line(context.Terminal.Paint($"The Python app's profile is in {source}: run 'arf-data migrate' to bring it in.", Style.Yellow));
            }
        }
        catch (UserDataException)
        {
            // An unreadable or invalid legacy profile: 'arf-data migrate' explains it; showing ours is not the place.
        }
    }

    /// <summary>
    /// Loads the profile; when there is none yet but the Python app's profile exists, imports it first (as <c>init</c>
    /// does) and says so, rather than report the user's history as missing.
    /// </summary>
    private static UserProfile LoadOrImport(UserDataManager manager, Terminal terminal)
    {
        try
        {
            return manager.LoadUserProfile();
        }
        catch (ProfileNotFoundException) when (MigrateCommand.FindSource(manager) is not null)
        {
            manager.InitializeDataDirectory();
            if (manager.LastLegacyImport is { } imported)
            {
                terminal.Err.WriteLine(terminal.PaintError(LegacyImportView.OneLine(imported), Style.Green));
            }

            return manager.LoadUserProfile();
        }
    }

    /// <summary>An encrypted profile's JSON, from the profile the load decrypted and validated (to the terminal only, never to a file).</summary>
    private static string DecryptedJson(UserProfile profile) =>
        JsonSerializer.Serialize(profile, JsonOptions) + "\n";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
