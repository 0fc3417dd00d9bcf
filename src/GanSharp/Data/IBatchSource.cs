using static TorchSharp.torch;

namespace GanSharp.Data;

/// <summary>Supplies minibatches of real data x ~ P_data to the trainer.</summary>
public interface IBatchSource : IDisposable
{
    /// <summary>Shape of one sample, e.g. [2] for points or [1, 28, 28] for images.</summary>
    long[] SampleShape { get; }

    /// <summary>The next minibatch of <paramref name="m"/> samples, shape [m, ...SampleShape], float32, on the CPU.</summary>
    Tensor NextBatch(int m);

    /// <summary>State needed to resume the exact sequence of batches (RNG state, epoch position).</summary>
    BatchSourceState SaveState();

    /// <summary>Restores a state from <see cref="SaveState"/>.</summary>
    void LoadState(BatchSourceState state);
}

/// <summary>Resumable position of a batch source: its RNG state and, for finite data, the epoch and cursor.</summary>
public sealed record BatchSourceState(byte[] GeneratorState, long Epoch = 0, long Cursor = 0, long[]? Permutation = null);
