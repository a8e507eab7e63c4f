using System.Runtime.InteropServices;

namespace AutoResumeFiller.Data.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancelled <see cref="Token"/> instead of an immediate death, so a
/// running backup or export stops at its next chunk, removes its temp file and the tool exits with
/// <see cref="ExitCode"/> (130 or 143). A command that cannot stop midway simply finishes. A second signal is left to
/// its default action (the process ends at once), so a stuck command can still be stopped.
/// </summary>
/// <remarks>
/// System.CommandLine 2.0.0 ships <c>InvocationConfiguration.ProcessTerminationTimeout</c> as null (dotnet/command-line-api#2739,
/// although its docs say two seconds), so it registers no handler and the signal killed the process; and with a timeout
/// set it returns 130/143 after that timeout while the action still runs, which would end the process mid-write.
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;
    private int _received;

    public TerminationSignals()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Gets the token cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Gets the exit code for the first signal received (130 for SIGINT, 143 for SIGTERM), or null when none came.</summary>
    public int? ExitCode => Volatile.Read(ref _received) switch
    {
        0 => null,
        var code => code,
    };

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
        if (Interlocked.CompareExchange(ref _received, code, 0) != 0)
        {
            return; // The second signal: its default action ends the process now.
        }

        context.Cancel = true;
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The signal came as the command ended and disposed this: there is nothing left to cancel.
        }
    }
}
