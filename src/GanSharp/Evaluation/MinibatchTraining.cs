using GanSharp.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Evaluation;

/// <summary>The training loop of GanSharp's evaluation classifiers: Adam over a fresh seeded shuffle of the examples every epoch.</summary>
internal static class MinibatchTraining
{
    /// <summary>Checks <paramref name="options"/> and seeds the weights' stream; call before building the model.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static void Prepare(FeatureClassifierOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid classifier options: " + string.Join(" ", problems), nameof(options));
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
    }

    /// <summary>
    /// The training images at the indices it is given ([m] → [m, c, h, w]), each moved by its own random shift when
    /// <see cref="FeatureClassifierOptions.Shift"/> is above zero (offsets from the seed's <see cref="RandomStreams.Augmentation"/> stream,
    /// which the returned stream owns: dispose it after training).
    /// </summary>
    public static (Func<Tensor, Tensor> Batch, IDisposable? Stream) Batches(Tensor images, FeatureClassifierOptions options)
    {
        if (options.Shift == 0) return (index => images.index_select(0, index), null);
        var shifts = new RandomStream((ulong)RandomStreams.Seed(options.Seed, RandomStreams.Augmentation));
        return (index =>
        {
            using var selected = images.index_select(0, index);
            return RandomShift.Apply(selected, options.Shift, shifts);
        }, shifts);
    }

    /// <summary>
    /// Trains <paramref name="model"/> for <see cref="FeatureClassifierOptions.Epochs"/> epochs over <paramref name="n"/> examples in minibatches
    /// of <see cref="FeatureClassifierOptions.BatchSize"/>; <paramref name="lossOf"/> gives the loss of the examples at the indices it is given.
    /// Leaves the model in eval mode.
    /// </summary>
    public static void Run(Module model, long n, FeatureClassifierOptions options, Func<Tensor, Tensor> lossOf, Action<int, double>? epochCompleted)
    {
        // Same weights whichever command trains it (the cache key does not hold the thread count, which changes the rounding).
        ThreadPolicy.ApplyFor(new[] { model }, options.BatchSize);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        using var shuffle = new RandomStream((ulong)RandomStreams.Seed(options.Seed, RandomStreams.Data));
        model.train();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double lossSum = 0;
            int steps = 0;
            using var order = randperm(n, generator: shuffle);
            for (long start = 0; start < n; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var loss = lossOf(order.narrow(0, start, Math.Min(options.BatchSize, n - start)));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>();
                steps++;
            }
            epochCompleted?.Invoke(epoch, lossSum / steps);
        }
        model.eval();
    }
}
