using System.CommandLine;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data encrypt</c>: encrypts the existing profile and every backup with the key file (crash-safe; rerun to finish).</summary>
internal static class EncryptCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("encrypt", "Encrypt the existing profile and every backup with the key file (--key-file); safe to interrupt and run again.");
        command.SetAction(parseResult =>
        {
            RequireKeyFile(context, parseResult, "encrypt");
            var manager = context.CreateManager(parseResult);
            manager.EncryptExistingData();
            context.Terminal.Success($"Data is encrypted: {manager.ProfilePath}");
            context.Terminal.Line($"Keep a copy of the key file '{context.KeyFilePath(parseResult)}' apart from the data: without it nothing can be decrypted.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Refuses a command that needs a key when none was given, before anything is touched.</summary>
    internal static void RequireKeyFile(CliContext context, ParseResult parseResult, string commandName)
    {
        if (context.KeyFilePath(parseResult) is null)
        {
            throw new ArgumentException($"'{commandName}' needs the encryption key file: pass --key-file PATH or set {CliContext.KeyFileVariable}.");
        }
    }
}
