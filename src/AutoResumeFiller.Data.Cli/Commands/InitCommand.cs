using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data init</c>: creates whatever is missing of the layout and an empty profile; never overwrites one.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("init", "Create the data directory layout and an empty profile, or import the Python app's profile when there is one (idempotent; never overwrites a profile).");
        command.SetAction(parseResult =>
        {
            var manager = context.CreateManager(parseResult);
            manager.InitializeDataDirectory();
            if (manager.LastLegacyImport is { } imported)
            {
                context.Terminal.Success(LegacyImportView.OneLine(imported));
            }

            context.Terminal.Success("Data directory is ready.");
            foreach (var problem in manager.FolderProblems)
            {
                // Not an error: only data/ is essential; a save goes on without backups/, say.
                context.Terminal.Line($"{context.Terminal.Paint("warning:", Style.Yellow)} {problem} (skipped; fix it to use that folder again)");
            }

            LayoutView.Write(context.Terminal, manager);
            return ExitCodes.Success;
        });
        return command;
    }
}
