using static TorchSharp.torch;

namespace GanSharp.Data;

/// <summary>
/// Minibatches of a finite image set, drawn without replacement within each epoch: a fresh random permutation
/// per epoch from this source's own seeded generator, cut into ⌊N/m⌋ batches (the incomplete tail is dropped).
/// </summary>
public sealed class ImageBatchSource : IBatchSource
{
    private readonly Tensor _images;
    private readonly RandomStream _generator;
    private long[]? _permutation;

    /// <param name="images">[N, C, H, W] float32 (not owned: the caller disposes it).</param>
    /// <param name="seed">Seed of this source's random stream.</param>
    public ImageBatchSource(Tensor images, long seed)
    {
        if (images.dim() != 4) throw new ArgumentException($"Images must be [N, C, H, W] (got [{string.Join(", ", images.shape)}]).", nameof(images));
        if (images.shape[0] < 1) throw new ArgumentException("The image set is empty.", nameof(images));
        _images = images;
        _generator = new RandomStream((ulong)seed);
    }

    /// <summary>N, the number of images.</summary>
    public long Count => _images.shape[0];

    /// <summary>Epochs begun so far (1 during the first epoch, 0 before the first batch).</summary>
    public long Epoch { get; private set; }

    /// <summary>Position of the next batch in the current permutation.</summary>
    public long Cursor { get; private set; }

    /// <inheritdoc />
    public long[] SampleShape => _images.shape.Skip(1).ToArray();

    /// <summary>⌊N/m⌋: full batches of <paramref name="m"/> per epoch.</summary>
    public long BatchesPerEpoch(int m) => Count / m;

    /// <inheritdoc />
    public Tensor NextBatch(int m)
    {
        if (m < 1 || m > Count) throw new ArgumentOutOfRangeException(nameof(m), m, $"Batch size must be between 1 and the number of images ({Count}).");
        if (_permutation is null || Cursor + m > Count)
        {
            using var p = randperm(Count, generator: _generator);
            _permutation = p.data<long>().ToArray();
            Cursor = 0;
            Epoch++;
        }
        using var index = tensor(_permutation.AsSpan((int)Cursor, m).ToArray(), dtype: int64);
        Cursor += m;
        return _images.index_select(0, index);   // [m, C, H, W]
    }

    /// <inheritdoc />
    public BatchSourceState SaveState()
    {
        using var state = _generator.get_state();
        return new BatchSourceState(state.data<byte>().ToArray(), Epoch, Cursor, _permutation?.ToArray());
    }

    /// <inheritdoc />
    public void LoadState(BatchSourceState state)
    {
        if (state.Permutation is { } p && p.Length != Count)
            throw new InvalidDataException($"The saved data position is for {p.Length} images but this image set has {Count}: the data changed since the checkpoint.");
        using var t = tensor(state.GeneratorState, dtype: uint8);
        _generator.set_state(t);
        Epoch = state.Epoch;
        Cursor = state.Cursor;
        _permutation = state.Permutation?.ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();
}
