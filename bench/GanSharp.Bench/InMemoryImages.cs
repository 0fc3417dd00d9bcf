using GanSharp.Data;
using static TorchSharp.torch;

namespace GanSharp.Bench;

/// <summary>Images already in memory: each batch is m random rows of a fixed tensor (the bench's stand-in for a loaded data set).</summary>
internal sealed class InMemoryImages : IBatchSource, IDisposable
{
    private readonly Tensor _images;
    private readonly RandomStream _stream;

    public InMemoryImages(long count, long channels, long side, long seed)
    {
        _stream = new RandomStream((ulong)seed);
        _images = rand(new long[] { count, channels, side, side }, generator: _stream).mul_(2).sub_(1);   // [N, C, S, S] in (−1, 1)
    }

    public long[] SampleShape => _images.shape[1..];

    public Tensor NextBatch(int m)
    {
        using var index = randint(0, _images.shape[0], new long[] { m }, generator: _stream);
        return _images.index_select(0, index);                                                           // [m, C, S, S]
    }

    public BatchSourceState SaveState()
    {
        using var state = _stream.get_state();
        return new BatchSourceState(state.data<byte>().ToArray());
    }

    public void LoadState(BatchSourceState state)
    {
        using var t = tensor(state.GeneratorState, dtype: uint8);
        _stream.set_state(t);
    }

    public void Dispose()
    {
        _images.Dispose();
        _stream.Dispose();
    }
}
