namespace GanSharp.Training;

/// <summary>How an image run ended.</summary>
/// <param name="Iteration">Iterations completed in total.</param>
/// <param name="Completed">Whether every iteration was done (false: cancelled, resumable).</param>
/// <param name="LastCheckpoint">The checkpoint written at the end.</param>
/// <param name="LastSampleGrid">The last sample grid written, or null.</param>
/// <param name="ImagesPerSecond">Real images per second over this process's part of the run.</param>
public sealed record ImageRunResult(int Iteration, bool Completed, string LastCheckpoint, string? LastSampleGrid, double ImagesPerSecond);
