using GanSharp.Data;

namespace GanSharp.Checkpoints;

/// <summary>Where a training run stood when a checkpoint was written, besides the weights and optimiser states.</summary>
/// <param name="FormatVersion">Version of the checkpoint layout.</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="NoiseGeneratorState">State of the training-noise random stream.</param>
/// <param name="Data">Position of the batch source (its RNG, epoch, cursor and permutation).</param>
public sealed record CheckpointState(int FormatVersion, int Iteration, byte[] NoiseGeneratorState, BatchSourceState Data);
