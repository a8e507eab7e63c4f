using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using AutoResumeFiller.Data.Cli.Output;

namespace AutoResumeFiller.Data.Cli.Commands;

/// <summary>
/// <c>arf-data watch [--json]</c>: a line per profile change until Ctrl+C or SIGTERM (exit 0). With <c>--json</c>, one
/// JSON object per line: <c>time</c> (when it was seen) and <c>last_updated</c> (of the profile now on disk), both UTC;
/// who made the change is not known to the library, so it is left out.
/// </summary>
internal static class WatchCommand
{
    public const string Name = "watch";

    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per line: {\"time\": …, \"last_updated\": …, \"profile_path\": …}." };
        var command = new Command(Name, "Print a line each time the profile changes on disk (a save, update or restore by any process) until Ctrl+C.") { json };
        command.SetAction(async parseResult =>
        {
            using var stop = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Stop(signal, stop));
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Stop(signal, stop));
            var manager = context.CreateManager(parseResult);
            var asJson = parseResult.GetValue(json);
            var terminal = context.Terminal;
            using (manager.WatchProfile(change => terminal.Out.WriteLine(asJson ? JsonLine(change) : TextLine(terminal, change))))
            {
                // Stderr, so stdout holds only change lines; tests and scripts wait for this line before changing anything.
                terminal.Err.WriteLine(terminal.PaintError($"Watching {manager.ProfilePath} for changes (Ctrl+C to stop)", Style.Dim));
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: the way a watch is meant to end.
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Ctrl+C (SIGINT) or SIGTERM: ends the watch instead of the process, so it stops cleanly with exit code 0.</summary>
    private static void Stop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        signal.Cancel = true;
        stop.Cancel();
    }

    private static string TextLine(Terminal terminal, ProfileChange change) =>
        $"{terminal.Paint(Timestamp(DateTime.UtcNow), Style.Dim)}  profile changed, last_updated {Timestamp(change.LastUpdated)}";

    private static string JsonLine(ProfileChange change)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", Timestamp(DateTime.UtcNow));
            writer.WriteString("last_updated", Timestamp(change.LastUpdated));
            writer.WriteString("profile_path", change.ProfilePath);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
