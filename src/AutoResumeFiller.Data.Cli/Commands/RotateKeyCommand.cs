using System.CommandLine;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data rotate-key</c>: a new current key; every file re-encrypted; old keys dropped once unused.</summary>
internal static class RotateKeyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rotate-key", "Make a new encryption key current, re-encrypt the profile and every backup with it, then drop the old keys no file uses.");
        command.SetAction(parseResult =>
        {
            EncryptCommand.RequireKeyFile(context, parseResult, "rotate-key");
            var manager = context.CreateManager(parseResult);
            manager.RotateEncryptionKey();
            context.Terminal.Success("Key rotated; every file in the data directory is encrypted with the new key.");
            context.Terminal.Line("Exports made before this rotation need the old key: keep your previous copy of the key file for them.");
            return ExitCodes.Success;
        });
        return command;
    }
}
