namespace GanSharp.Lab;

/// <summary>
/// The one place the training thread and the web server share: the latest frame and the run's setup, as finished bytes.
/// The training thread posts; the server's threads only read and write out what they find. Only the latest frame is kept,
/// so a page that reads slowly skips frames and never makes the server hold more.
/// </summary>
public sealed class FrameMailbox
{
    private readonly Lock _gate = new();
    private byte[]? _frame;
    private byte[]? _setup;
    private long _version;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;
    private int _wanted;
    private long _iteration;

    /// <summary>The latest frame (JSON), or null before the first.</summary>
    public byte[]? Frame
    {
        get
        {
            lock (_gate) return _frame;
        }
    }

    /// <summary>The current run's setup (JSON: data, region, real points, setting names), or null before the first run.</summary>
    public byte[]? Setup
    {
        get
        {
            lock (_gate) return _setup;
        }
    }

    /// <summary>
    /// Whether a new frame would be read now: a page is waiting for one, or one was asked for (a page connected).
    /// The training thread builds frames only then, so with no page open (or a page still busy with the last frame) it spends nothing on them.
    /// </summary>
    public bool FrameWanted => Volatile.Read(ref _waiting) > 0 || FrameRequested;

    /// <summary>Whether a page has just connected and has no frame yet.</summary>
    public bool FrameRequested => Volatile.Read(ref _wanted) > 0;

    /// <summary>Iterations the run has done (set by the training thread after each, read by <c>/status</c>).</summary>
    public long Iteration
    {
        get => Volatile.Read(ref _iteration);
        set => Volatile.Write(ref _iteration, value);
    }

    /// <summary>Frames posted so far.</summary>
    public long Frames
    {
        get
        {
            lock (_gate) return _version;
        }
    }

    /// <summary>Asks the training thread for a frame even if nobody waits yet (a page has just connected).</summary>
    public void RequestFrame() => Interlocked.Exchange(ref _wanted, 1);

    /// <summary>Training thread: publishes a run's setup.</summary>
    public void PostSetup(byte[] setup)
    {
        lock (_gate) _setup = setup;
    }

    /// <summary>Training thread: publishes a frame, replacing the previous one, and wakes the pages waiting for it.</summary>
    public void Post(byte[] frame)
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            _frame = frame;
            _version++;
            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        Interlocked.Exchange(ref _wanted, 0);
        woken.TrySetResult();
    }

    /// <summary>Server: the first frame newer than <paramref name="version"/>, waiting for it if need be.</summary>
    public async Task<(byte[] Frame, long Version)> NextAsync(long version, CancellationToken cancel)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_version > version && _frame is not null) return (_frame, _version);
                wait = _next.Task;
            }
            Interlocked.Increment(ref _waiting);
            try
            {
                await wait.WaitAsync(cancel).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }
}
