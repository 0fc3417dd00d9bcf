using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// Fréchet distance of a generator during training, on a smaller sample than a full evaluation (default 2,000 against
/// 2,000 training images), with the same noise each time so that successive values differ only by the generator.
/// Remembers the best (lowest) FD and when it was reached.
/// </summary>
public sealed class FdMonitor : IDisposable
{
    /// <summary>Samples per measurement during training.</summary>
    public const int DefaultSampleCount = 2000;

    private readonly Evaluator _evaluator;
    private readonly int _sampleCount;
    private readonly long _noiseSeed;

    /// <param name="classifier">The feature classifier of the training data.</param>
    /// <param name="trainImages">The training images; <paramref name="sampleCount"/> of them (seeded draw) are the reference.</param>
    /// <param name="sampleCount">Generated and reference samples per measurement.</param>
    /// <param name="seed">Seed of the reference draw and of the generator's noise.</param>
    public FdMonitor(TrainedClassifier classifier, Tensor trainImages, int sampleCount = DefaultSampleCount, int seed = 0)
    {
        var options = new EvaluationOptions(SampleCount: sampleCount, Seed: seed);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid FD monitor settings: " + string.Join(" ", problems), nameof(sampleCount));
        if (trainImages.shape[0] < sampleCount)
            throw new ArgumentException($"FD during training needs {sampleCount} training images for its reference; the data has {trainImages.shape[0]}.", nameof(trainImages));
        _sampleCount = sampleCount;
        _noiseSeed = RandomStreams.Seed(seed, RandomStreams.Preview);
        using var draw = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Data));
        using var index = randperm(trainImages.shape[0], generator: draw).narrow(0, 0, sampleCount);
        using var reference = trainImages.index_select(0, index);
        _evaluator = new Evaluator(classifier.Classifier, reference, options);
        Classifier = classifier.Record;
    }

    /// <summary>The feature classifier's record (for the run's notes).</summary>
    public ClassifierRecord Classifier { get; }

    /// <summary>The lowest FD so far, or null before the first measurement.</summary>
    public double? BestFd { get; private set; }

    /// <summary>The iteration of <see cref="BestFd"/>.</summary>
    public int? BestIteration { get; private set; }

    /// <summary>
    /// FD of <paramref name="sampleBatch"/>'s samples at <paramref name="iteration"/>; <c>IsBest</c> when it is lower than
    /// every earlier measurement. <paramref name="sampleBatch"/> receives a noise stream that restarts at the same seed each call.
    /// </summary>
    public (double Fd, bool IsBest) Measure(int iteration, Func<long, RandomStream, Tensor> sampleBatch)
    {
        using var noise = new RandomStream((ulong)_noiseSeed);
        using var samples = GeneratorSamples.Draw(m => sampleBatch(m, noise), _sampleCount);
        double fd = _evaluator.FrechetDistanceOf(samples);
        bool isBest = BestFd is not { } best || fd < best;
        if (isBest)
        {
            BestFd = fd;
            BestIteration = iteration;
        }
        return (fd, isBest);
    }

    /// <inheritdoc />
    public void Dispose() => _evaluator.Dispose();
}
