using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data validate [FILE]</c>: lists every rule a profile breaks, each with its JSON path.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The profile file to check (default: the stored profile).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", "Validate a profile file; exits with 3 and lists every error when it is invalid.") { file };
        command.SetAction(parseResult =>
        {
            var (path, errors) = parseResult.GetValue(file) is { } given
                ? (Path.GetFullPath(given), UserProfileValidator.Validate(InputFiles.ReadProfile(given)))
                : ValidateStored(context.CreateManager(parseResult));

            var terminal = context.Terminal;
            if (errors.Count == 0)
            {
                terminal.Success($"Valid: {path}");
                return ExitCodes.Success;
            }

            var noun = errors.Count == 1 ? "error" : "errors";
            terminal.Failure($"Invalid: {path} ({errors.Count} {noun})");
            foreach (var error in errors)
            {
                terminal.Line($"  {terminal.Paint(error.Path, Style.Cyan)}: {error.Message}");
            }

            return ExitCodes.DataError;
        });
        return command;
    }

    private static (string Path, IReadOnlyList<ValidationError> Errors) ValidateStored(UserDataManager manager)
    {
        // The stored profile is read under the library's lock; its rule violations are this command's result, not a failure.
        try
        {
            manager.LoadUserProfile();
            return (manager.ProfilePath, []);
        }
        catch (ProfileValidationException ex)
        {
            return (manager.ProfilePath, ex.Errors);
        }
    }
}
