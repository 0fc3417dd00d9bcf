namespace GanSharp.Training;

/// <summary>Where an image run stands after an iteration.</summary>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="TotalIterations">Iterations the run will do.</param>
/// <param name="Epoch">Current epoch (1-based).</param>
/// <param name="Epochs">Epochs the run will do.</param>
/// <param name="Stats">The numbers of this iteration.</param>
/// <param name="ImagesPerSecond">Real images consumed per second since this process started or resumed the run.</param>
public sealed record ImageRunProgress(int Iteration, int TotalIterations, long Epoch, int Epochs, IterationStats Stats, double ImagesPerSecond);
