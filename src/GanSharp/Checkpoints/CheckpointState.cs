using GanSharp.Data;

namespace GanSharp.Checkpoints;

/// <summary>Where a training run stood when a checkpoint was written, besides the weights and optimiser states.</summary>
/// <param name="FormatVersion">Version of the checkpoint layout.</param>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="NoiseStreamState">State of the training-noise random stream.</param>
/// <param name="Data">Position of the batch source (its random stream, epoch, cursor and permutation).</param>
/// <param name="SampleShape">Shape of one sample ([d] for points, [C, H, W] for images), to rebuild G without the data.</param>
/// <param name="RunState">What the run's observers had recorded (JSON), or null.</param>
public sealed record CheckpointState(int FormatVersion, int Iteration, byte[] NoiseStreamState, BatchSourceState Data, long[] SampleShape, string? RunState);
