using GanSharp.Checkpoints;
using GanSharp.Gan;

namespace GanSharp.Runs;

/// <summary>
/// Writes a checkpoint every N iterations and when training stops (also on cancellation, so the run resumes where it stopped),
/// keeping the newest K (<c>checkpoints/checkpoint-NNNNNNNNN.gsckpt</c>).
/// </summary>
public sealed class Checkpointing : IRunObserver
{
    private readonly CheckpointStore _store;
    private readonly int _every;
    private int _lastIteration = -1;

    /// <param name="directory">The run folder.</param>
    /// <param name="every">Iterations between checkpoints.</param>
    /// <param name="keep">How many of the newest checkpoints to keep.</param>
    public Checkpointing(string directory, int every, int keep)
    {
        _store = new CheckpointStore(directory, keep);
        _every = every;
    }

    /// <inheritdoc />
    public string Name => "checkpoints";

    /// <summary>The latest checkpoint written by this process, or null.</summary>
    public string? LastPath { get; private set; }

    /// <summary>The path of the best checkpoint by FD in <paramref name="directory"/> (never pruned).</summary>
    public static string BestPath(string directory) => new CheckpointStore(directory, 1).BestPath;

    /// <inheritdoc />
    public void IterationCompleted(GanRun run, IterationStats stats)
    {
        if (stats.Iteration % _every == 0) Write(run);
    }

    /// <inheritdoc />
    public void Stopping(GanRun run, RunEnding ending)
    {
        // A diverged run keeps its last good checkpoint; any other run ends with one of its final state.
        if (ending != RunEnding.Diverged && _lastIteration != run.Iteration) Write(run);
    }

    private void Write(GanRun run)
    {
        Directory.CreateDirectory(_store.Directory);
        var path = _store.PathFor(run.Iteration);
        run.WriteCheckpoint(path);
        _store.Prune();
        _lastIteration = run.Iteration;
        LastPath = path;
    }
}
