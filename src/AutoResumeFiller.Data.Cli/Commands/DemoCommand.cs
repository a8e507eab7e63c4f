using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary>
/// <c>arf-data demo</c>: the tour in one command. Initializes the data directory, imports the shipped sample
/// profile, makes a backup and lists the backups. A profile of the user's own is never replaced.
/// </summary>
internal static class DemoCommand
{
    public const string BackupName = "demo";

    public static Command Create(CliContext context)
    {
        var command = new Command("demo", "Initialize the data directory, import the sample profile, back up and list the backups (keeps a profile of your own).");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var terminal = context.Terminal;
            var manager = context.CreateManager(parseResult);

            Step(terminal, 1, "Initialize the data directory");
            manager.InitializeDataDirectory();
            LayoutView.Write(terminal, manager);

            Step(terminal, 2, "Import the sample profile");
            var profile = ImportSampleUnlessOwnProfile(manager, terminal);
            terminal.Line();
            ProfileView.Write(terminal, profile);

            Step(terminal, 3, "Back up");
            var path = await BackupCommand.RunAsync(manager, BackupName, terminal, cancellationToken).ConfigureAwait(false);
            terminal.Success($"Backup created: {path}");

            Step(terminal, 4, "List the backups");
            BackupTable.Write(terminal, manager.ListAvailableBackups(), manager.BackupsDirectory);

            terminal.Line();
            terminal.Line($"Next: '{context.CommandPrefix(parseResult)} show', 'verify {Path.GetFileName(path)}', 'restore {Path.GetFileName(path)}', or '--help'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static UserProfile ImportSampleUnlessOwnProfile(UserDataManager manager, Terminal terminal)
    {
        var stored = manager.LoadUserProfile();
        var sample = InputFiles.ReadProfile(InputFiles.SampleProfilePath);
        if (SameContent(stored, new UserProfile()))
        {
            return ImportCommand.Run(manager, InputFiles.SampleProfilePath, terminal);
        }

        var note = SameContent(stored, sample)
            ? "The sample profile is already imported; nothing to do."
            : "This data directory already holds a profile of its own; the demo leaves it as it is (use --data-dir to try the demo elsewhere).";
        terminal.Line(terminal.Paint(note, Style.Yellow));
        return stored;
    }

    private static bool SameContent(UserProfile a, UserProfile b)
    {
        var stamps = (a.LastUpdated, b.LastUpdated);
        try
        {
            a.LastUpdated = b.LastUpdated = default;
            return UserProfileSerializer.Serialize(a).AsSpan().SequenceEqual(UserProfileSerializer.Serialize(b));
        }
        finally
        {
            (a.LastUpdated, b.LastUpdated) = stamps;
        }
    }

    private static void Step(Terminal terminal, int number, string title)
    {
        terminal.Line();
        terminal.Heading($"== {number}. {title} ==");
    }
}
