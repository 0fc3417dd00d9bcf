using GanSharp.Gan;

namespace GanSharp.Runs;

/// <summary>Where a run stands after an iteration.</summary>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="TotalIterations">Iterations the run will do.</param>
/// <param name="Epoch">Images: the current epoch (1-based); null for points.</param>
/// <param name="Epochs">Images: epochs the run will do; null for points.</param>
/// <param name="Stats">The numbers of this iteration.</param>
/// <param name="SamplesPerSecond">Real samples consumed per second since this process started or resumed the run.</param>
public sealed record RunProgress(int Iteration, int TotalIterations, long? Epoch, int? Epochs, IterationStats Stats, double SamplesPerSecond);
