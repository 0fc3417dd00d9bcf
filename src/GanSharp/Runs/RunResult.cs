using GanSharp.Metrics;

namespace GanSharp.Runs;

/// <summary>How a run's training ended.</summary>
/// <param name="Iteration">Iterations completed in total.</param>
/// <param name="TotalIterations">Iterations the run was to do.</param>
/// <param name="Ending">Completed, or cancelled (resumable).</param>
/// <param name="Seconds">Wall-clock seconds of this process's part of the run.</param>
/// <param name="SamplesPerSecond">Real samples consumed per second over this process's part of the run.</param>
/// <param name="FinalModes">Mode metrics of the final generator; null for images and targets without modes.</param>
/// <param name="Directory">The run folder; null for a run in memory.</param>
public sealed record RunResult(int Iteration, int TotalIterations, RunEnding Ending, double Seconds, double SamplesPerSecond, ModeReport? FinalModes, string? Directory)
{
    /// <summary>Whether every iteration was done.</summary>
    public bool Completed => Ending == RunEnding.Completed;
}
