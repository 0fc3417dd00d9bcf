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

    /// <summary>Exit code of a run stopped by Ctrl-C (SIGINT), or by a cancellation from outside: 128 + 2, as shells report it.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>Exit code of a run stopped by SIGTERM: 128 + 15.</summary>
    public const int TerminatedExitCode = 143;

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The exit code of a run that stopped on request: <see cref="TerminatedExitCode"/> after SIGTERM, else <see cref="InterruptedExitCode"/>.</summary>
    public int StoppedExitCode { get; private set; } = InterruptedExitCode;

    private void OnSignal(PosixSignalContext context)
    {
        if (!_stop.IsCancellationRequested && context.Signal == PosixSignal.SIGTERM) StoppedExitCode = TerminatedExitCode;
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
