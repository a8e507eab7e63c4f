namespace AutoResumeFiller.Data.Cli.Output;

/// <summary>
/// Turns any failure into a short report on standard error (what went wrong, then what to do next; never a
/// stack trace) and its exit code. Every command relies on this one handler instead of catching errors itself.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, Terminal terminal)
    {
        var err = terminal.Err;
        var label = terminal.PaintError("error:", Style.Red);
        switch (exception)
        {
            case ProfileValidationException invalid:
                var noun = invalid.Errors.Count == 1 ? "error" : "errors";
                err.WriteLine($"{label} The profile is invalid ({invalid.Errors.Count} {noun}):");
                WriteList(err, invalid.Errors.Select(e => e.ToString()));
                break;
            case InvalidBackupException badBackup:
                err.WriteLine($"{label} Backup '{badBackup.BackupPath}' is not valid:");
                WriteList(err, badBackup.Problems);
                break;
            case UserDataException dataError:
                err.WriteLine($"{label} {dataError.Message}");
                break;
            case ArgumentException argument:
                err.WriteLine($"{label} {WithoutParameterName(argument)}");
                err.WriteLine($"{terminal.PaintError("hint:", Style.Yellow)} Run 'arf-data --help' or 'arf-data <command> --help' for usage.");
                return ExitCodes.Usage;
            case OperationCanceledException:
                err.WriteLine($"{label} Cancelled; nothing was left half-written.");
                return ExitCodes.Cancelled;
            default:
                err.WriteLine($"{label} Unexpected failure ({exception.GetType().Name}): {exception.Message}");
                err.WriteLine($"{terminal.PaintError("hint:", Style.Yellow)} This is a bug in arf-data; please report it with the command you ran.");
                return ExitCodes.Unexpected;
        }

        err.WriteLine($"{terminal.PaintError("hint:", Style.Yellow)} {Hints.For((UserDataException)exception)}");
        return ExitCodes.For(exception);
    }

    private static void WriteList(TextWriter err, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            err.WriteLine($"  - {item}");
        }
    }

    private static string WithoutParameterName(ArgumentException exception)
    {
        var suffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        return suffix is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? exception.Message[..^suffix.Length]
            : exception.Message;
    }
}
