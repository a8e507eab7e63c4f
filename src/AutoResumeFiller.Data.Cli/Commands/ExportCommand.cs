using System.CommandLine;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary><c>arf-data export PATH</c>: a full archive written anywhere (a USB stick, a synced folder), with a live progress bar on a terminal.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "The archive to create, e.g. /media/usb/arf-export.zip (its folder must exist; an existing file is never replaced). With --key-file the export is encrypted whole: name it ….zip.enc." };
        var command = new Command("export", "Write the profile, config.yaml, resumes/ and cover_letters/ to one archive anywhere, to move them to another machine.") { path };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var manager = context.CreateManager(parseResult);
            var terminal = context.Terminal;
            var bar = terminal.Interactive ? new ProgressBar(terminal.Err, "Exporting") : null;
            string written;
            try
            {
                written = await manager.ExportDataAsync(parseResult.GetRequiredValue(path), bar, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                bar?.Clear();
            }

            terminal.Success($"Exported to {written}");
            terminal.Line($"  {Sizes.Format(new FileInfo(written).Length)}; on the other machine run 'arf-data verify \"{written}\"', then 'arf-data restore \"{written}\"'.");
            LeftOutWarnings.Write(terminal, manager);
            return ExitCodes.Success;
        });
        return command;
    }
}
