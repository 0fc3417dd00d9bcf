namespace GanSharp.Runs;

/// <summary>Why training stopped.</summary>
public enum RunEnding
{
    /// <summary>Every iteration was done.</summary>
    Completed,

    /// <summary>Stopped early on request (Ctrl-C, SIGTERM, a cancellation token); resumable.</summary>
    Cancelled,

    /// <summary>A loss or gradient became non-finite.</summary>
    Diverged,
}
