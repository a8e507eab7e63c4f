using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data import FILE | --sample</c>: validates a profile file and saves it as the profile, after an automatic backup.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The profile file to import (JSON, snake_case keys).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var sample = new Option<bool>("--sample") { Description = "Import the sample profile shipped with the tool instead of FILE." };
        var command = new Command("import", "Validate FILE and save it as the profile; the current profile is backed up first.") { file, sample };
        command.Validators.Add(result =>
        {
            var hasFile = result.GetValue(file) is not null;
            if (hasFile == result.GetValue(sample))
            {
                result.AddError("Give either FILE or --sample (exactly one).");
            }
        });
        command.SetAction(parseResult =>
        {
            var source = parseResult.GetValue(file) ?? InputFiles.SampleProfilePath;
            var manager = context.CreateManager(parseResult);
            var profile = Run(manager, source, context.Terminal);
            context.Terminal.Line($"  {ProfileView.OneLine(profile)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Imports <paramref name="source"/> and reports where it went and which backup holds the previous profile.</summary>
    public static UserProfile Run(UserDataManager manager, string source, Terminal terminal)
    {
        var profile = InputFiles.ReadProfile(source);
        var errors = UserProfileValidator.Validate(profile);
        if (errors.Count > 0)
        {
            throw new ProfileValidationException(errors);
        }

        var before = manager.ListAvailableBackups().Select(b => b.Path).ToHashSet(StringComparer.Ordinal);
        manager.SaveUserProfile(profile);
        terminal.Success($"Imported {Path.GetFullPath(source)}");
        terminal.Line($"  into {manager.ProfilePath}");
        var autoBackup = manager.ListAvailableBackups().FirstOrDefault(b => b.Kind == BackupKind.Auto && !before.Contains(b.Path));
        if (autoBackup is not null)
        {
            terminal.Line($"  previous profile kept in {autoBackup.FileName}");
        }

        return profile;
    }
}
