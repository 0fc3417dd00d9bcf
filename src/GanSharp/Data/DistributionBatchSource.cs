using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Data;

/// <summary>Fresh samples from a target distribution for every minibatch (the toy setting: infinite data).</summary>
public sealed class DistributionBatchSource : IBatchSource
{
    private readonly RandomStream _generator;

    /// <param name="distribution">The target P_data.</param>
    /// <param name="seed">Seed of this source's own random stream.</param>
    public DistributionBatchSource(ITargetDistribution distribution, long seed)
    {
        Distribution = distribution;
        _generator = new RandomStream((ulong)seed);
    }

    /// <summary>The target distribution.</summary>
    public ITargetDistribution Distribution { get; }

    /// <inheritdoc />
    public long[] SampleShape => new long[] { Distribution.Dimension };

    /// <inheritdoc />
    public Tensor NextBatch(int m) => Distribution.Sample(m, _generator);

    /// <inheritdoc />
    public BatchSourceState SaveState()
    {
        using var state = _generator.get_state();
        return new BatchSourceState(state.data<byte>().ToArray());
    }

    /// <inheritdoc />
    public void LoadState(BatchSourceState state)
    {
        using var t = tensor(state.GeneratorState, dtype: uint8);
        _generator.set_state(t);
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();
}
