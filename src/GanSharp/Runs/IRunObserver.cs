using System.Text.Json.Nodes;
using GanSharp.Gan;

namespace GanSharp.Runs;

/// <summary>
/// Something a run does besides Algorithm 1: a picture, a file, a measurement. The run calls every observer in the order
/// they were attached; an observer with state (what it has recorded so far) saves it in each checkpoint, so a resumed run
/// continues it exactly.
/// </summary>
public interface IRunObserver
{
    /// <summary>Name of this observer's state inside a checkpoint (unique per run).</summary>
    string Name { get; }

    /// <summary>Before the first iteration of this process (also after a resume).</summary>
    void Started(GanRun run) { }

    /// <summary>After every iteration, with its numbers.</summary>
    void IterationCompleted(GanRun run, IterationStats stats) { }

    /// <summary>When training stops, before any observer's <see cref="Finished"/>: the state is still that of the last iteration.</summary>
    void Stopping(GanRun run, RunEnding ending) { }

    /// <summary>When training has stopped (all iterations done, cancelled or diverged): write the final outputs.</summary>
    void Finished(GanRun run, RunEnding ending) { }

    /// <summary>What this observer has recorded, for a checkpoint; null when it keeps nothing.</summary>
    JsonNode? SaveState() => null;

    /// <summary>Restores a state from <see cref="SaveState"/>.</summary>
    void LoadState(JsonNode state) { }
}
