using static TorchSharp.torch;

namespace GanSharp.Data;

/// <summary>
/// Stacked MNIST without end: every minibatch stacks freshly drawn digits, each channel an independent uniform draw (with
/// replacement) from the digits, so the 1,000 modes are equally likely and no stacked image need repeat. The only state is the
/// source's random stream and the count of images served, so a resumed run draws exactly the batches it would have drawn.
/// </summary>
public sealed class StackedMnistBatchSource : IBatchSource
{
    private readonly Tensor _digits;
    private readonly RandomStream _generator;

    /// <param name="digits">[N, 1, 28, 28] grayscale digits in [−1, 1] (not owned: the caller disposes them).</param>
    /// <param name="seed">Seed of this source's random stream.</param>
    public StackedMnistBatchSource(Tensor digits, long seed)
    {
        if (digits.dim() != 4 || digits.shape[1] != 1 || digits.shape[2] != 28 || digits.shape[3] != 28)
            throw new ArgumentException($"Stacked MNIST needs digits [N, 1, 28, 28] (got [{string.Join(", ", digits.shape)}]).", nameof(digits));
        if (digits.shape[0] < 1) throw new ArgumentException("There are no digits.", nameof(digits));
        _digits = digits;
        _generator = new RandomStream((ulong)seed);
    }

    /// <summary>N, the number of digits each channel is drawn from.</summary>
    public long DigitCount => _digits.shape[0];

    /// <summary>Stacked images served so far.</summary>
    public long Served { get; private set; }

    /// <summary>
    /// The current epoch (1-based; 0 before the first batch), an epoch being N stacked images: as many draws per channel as there are
    /// digits, the length of a pass over them.
    /// </summary>
    public long Epoch => (Served + DigitCount - 1) / DigitCount;

    /// <inheritdoc />
    public long[] SampleShape => new long[] { 3, 28, 28 };

    /// <inheritdoc />
    public Tensor NextBatch(int m)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), m, "Batch size must be at least 1.");
        using var scope = NewDisposeScope();
        var picks = randint(0, DigitCount, new long[] { m, 3 }, dtype: int64, generator: _generator);   // [m, 3] digit of each channel
        Served += m;
        return StackedMnist.Stack(_digits, picks).MoveToOuterDisposeScope();                             // [m, 3, 28, 28]
    }

    /// <inheritdoc />
    public BatchSourceState SaveState()
    {
        using var state = _generator.get_state();
        return new BatchSourceState(state.data<byte>().ToArray(), Epoch, Served);
    }

    /// <inheritdoc />
    public void LoadState(BatchSourceState state)
    {
        if (state.Permutation is not null)
            throw new InvalidDataException("The saved data position is an epoch permutation of a finite image set, not a Stacked MNIST stream: the data changed since the checkpoint.");
        using var t = tensor(state.GeneratorState, dtype: uint8);
        _generator.set_state(t);
        Served = state.Cursor;
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();
}
