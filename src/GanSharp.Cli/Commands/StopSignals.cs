using System.Runtime.InteropServices;

namespace GanSharp.Cli.Commands;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation request, so a run finishes its iteration and writes
/// its outputs; a second signal ends the process at once.
/// </summary>
/// <remarks>
/// The commands' actions run synchronously, so System.CommandLine's own Ctrl-C handler is not in place
/// while they train.
/// </remarks>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    /// <summary>Starts listening; <see cref="Token"/> also fires when <paramref name="outer"/> does.</summary>
    public StopSignals(CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = !_stop.IsCancellationRequested;
        _stop.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }
}
