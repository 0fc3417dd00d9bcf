using System.Collections.Concurrent;

namespace GanSharp.Lab;

/// <summary>
/// Commands from the page (play, pause, one step of D, a change of setting, ...) on their way to the training thread, as the raw bytes the
/// page sent: the server only queues them, the training thread parses and carries them out between steps. Bounded, so a page that sends
/// faster than training drains never grows the server's memory.
/// </summary>
public sealed class CommandInbox : IDisposable
{
    /// <summary>Commands that may wait at once; more are refused (HTTP 429).</summary>
    public const int Capacity = 64;

    private readonly BlockingCollection<LabRequest> _queue = new(new ConcurrentQueue<LabRequest>(), Capacity);

    /// <summary>Server: queues a command; false when the queue is full.</summary>
    public bool TryAdd(LabRequest request) => _queue.TryAdd(request);

    /// <summary>Training thread: the next command, waiting at most <paramref name="timeout"/>; null when none came.</summary>
    public LabRequest? Take(TimeSpan timeout) => _queue.TryTake(out var request, timeout) ? request : null;

    /// <inheritdoc />
    public void Dispose() => _queue.Dispose();
}
