using System.CommandLine;
using System.Text.Json;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data show [--json]</c>: a readable summary of the stored profile, or the stored JSON itself.</summary>
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
            var profile = manager.LoadUserProfile();
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
            return ExitCodes.Success;
        });
        return command;
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
