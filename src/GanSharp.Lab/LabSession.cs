using GanSharp.Gan;
using GanSharp.Runs;

namespace GanSharp.Lab;

/// <summary>
/// <c>gansharp lab</c>: a point run trained on the calling thread while a local web page shows it live and steers it. The page is one more
/// observer of the run (<see cref="LabObserver"/>); the web server only hands out the frames the training thread has serialised and queues
/// the page's commands for it. Reset, or another target, replaces the run by a new one in the same folder.
/// </summary>
public sealed class LabSession : IAsyncDisposable
{
    private readonly FrameMailbox _mailbox = new();
    private readonly CommandInbox _inbox = new();
    private LabServer _server = null!;
    private int _runs;

    private LabSession()
    {
    }

    /// <summary>The page's address.</summary>
    public Uri Address => _server.Address;

    /// <summary>Raised on the training thread when a run starts (the first, and each one that replaces another).</summary>
    public event Action<GanRun>? RunStarted;

    /// <summary>Starts the web server (the page waits for a run until <see cref="Run"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="IOException">The address or port cannot be bound.</exception>
    public static async Task<LabSession> StartAsync(LabServerOptions options)
    {
        var session = new LabSession();
        try
        {
            session._server = await LabServer.StartAsync(options, session._mailbox, session._inbox).ConfigureAwait(false);
        }
        catch
        {
            session._inbox.Dispose();
            throw;
        }
        return session;
    }

    /// <summary>Why the page cannot show <paramref name="run"/>; null when it can.</summary>
    /// <remarks>A packed D (PacGAN, <see cref="RunOptions.Pack"/> &gt; 1) is drawn on packs of copies of each point (FrameBuilder).</remarks>
    public static string? Refusal(GanRun run) =>
        run.Data.Kind != DataKind.Points ? "--serve and gansharp lab show runs on points (1D or 2D); image runs train with gansharp train." : null;

    /// <summary>
    /// Trains <paramref name="first"/> (a run on points, now owned by the session) on this thread until <paramref name="stop"/> fires, then writes
    /// its outputs as <c>gansharp train</c> does; a run that has done all its iterations stays on the page until then. Returns the last run's result.
    /// </summary>
    /// <param name="first">The run to start with.</param>
    /// <param name="playing">Whether training runs at once (else the page's play button starts it).</param>
    /// <param name="stop">Ctrl-C.</param>
    /// <exception cref="TrainingDivergedException">The run diverged and the page did not start a new one before the stop.</exception>
    public RunResult Run(GanRun first, bool playing, CancellationToken stop)
    {
        if (Refusal(first) is { } why)
        {
            first.Dispose();
            throw new ArgumentException(why);
        }
        var run = first;
        int speed = 0;
        try
        {
            while (true)
            {
                using var runStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
                using var observer = new LabObserver(run, ++_runs, _mailbox, _inbox, playing, speed, runStop.Cancel, stop);
                run.Attach(observer);
                RunStarted?.Invoke(run);
                RunResult? result = null;
                try
                {
                    result = run.Run(runStop.Token);
                }
                catch (TrainingDivergedException) when (observer.Restart is not null && !stop.IsCancellationRequested)
                {
                    // A new run replaces the one that diverged.
                }
                if (observer.Restart is { } next && !stop.IsCancellationRequested)
                {
                    (playing, speed) = (observer.Playing, observer.Speed);
                    string directory = run.Directory!;
                    run.Dispose();
                    run = null!;
                    run = GanRun.Start(next, directory, chooseThreads: false, replace: true);
                    continue;
                }
                return result!;
            }
        }
        finally
        {
            run?.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        _inbox.Dispose();
    }
}
