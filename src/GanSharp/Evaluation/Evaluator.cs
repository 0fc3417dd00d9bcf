using GanSharp.Metrics;
using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// Scores image sets against a fixed real reference set in a feature classifier's penultimate space. The reference's
/// features, Gaussian moments, k-NN manifolds and class histogram are computed once, so many sets (a model,
/// the calibration rows, checkpoints during training) are cheap to compare.
/// </summary>
public sealed class Evaluator : IDisposable
{
    private readonly FeatureClassifier _classifier;
    private readonly Tensor _referenceFeatures;
    private readonly GaussianMoments _referenceMoments;
    private readonly KnnManifold _precisionManifold;
    private readonly KnnManifold _densityManifold;
    private readonly double[] _referenceHistogram;
    private readonly Tensor _firstReferenceImage;
    private readonly double _referenceLaplacianEnergy;

    /// <param name="classifier">The feature network.</param>
    /// <param name="reference">The real images [N, 1, 28, 28] every set is compared with.</param>
    /// <param name="options">Neighbour ranks (the sample count is the caller's business here).</param>
    /// <param name="classMetrics">Whether the classifier's classes mean something for this data (false: classifier score, classes covered and class KL are left out).</param>
    public Evaluator(FeatureClassifier classifier, Tensor reference, EvaluationOptions options, bool classMetrics = true)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid evaluation options: " + string.Join(" ", problems), nameof(options));
        _classifier = classifier;
        Options = options;
        ClassMetrics = classMetrics;
        var (features, logits) = FeatureClassifierTrainer.Embed(classifier, reference);
        using (logits)
        {
            _referenceFeatures = features;
            _referenceHistogram = ClassCoverage.Histogram(logits);
        }
        _referenceMoments = GaussianMoments.Of(features);
        _precisionManifold = KnnManifold.Build(features, options.PrecisionRecallK);
        _densityManifold = KnnManifold.Build(features, options.DensityCoverageK);
        _firstReferenceImage = reference.narrow(0, 0, 1).detach().clone();     // [1, 1, 28, 28]
        _referenceLaplacianEnergy = Sharpness.LaplacianEnergy(reference);
    }

    /// <summary>Neighbour ranks and seed.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>Whether class-based metrics are reported.</summary>
    public bool ClassMetrics { get; }

    /// <summary>Reference images.</summary>
    public long ReferenceCount => _referenceFeatures.shape[0];

    /// <summary>The predicted-class histogram of the reference images.</summary>
    public IReadOnlyList<double> ReferenceHistogram => _referenceHistogram;

    /// <summary>Laplacian energy of the reference images, the denominator of every row's sharpness (<see cref="Sharpness.Relative"/>).</summary>
    public double ReferenceLaplacianEnergy => _referenceLaplacianEnergy;

    /// <summary>All metrics of <paramref name="images"/> ([M, 1, 28, 28], M &gt; k) against the reference.</summary>
    public EvaluationRow Score(string name, Tensor images)
    {
        var (features, logits) = FeatureClassifierTrainer.Embed(_classifier, images);
        using (features)
        using (logits)
        {
            double fd;
            using (var moments = GaussianMoments.Of(features)) fd = FrechetDistance.Compute(moments, _referenceMoments);
            PrecisionRecall pr;
            using (var generated = KnnManifold.Build(features, Options.PrecisionRecallK)) pr = PrecisionRecall.Compute(_precisionManifold, generated);
            var dc = DensityCoverage.Compute(_densityManifold, features);
            double? score = null, classKl = null;
            int? covered = null;
            if (ClassMetrics)
            {
                var histogram = ClassCoverage.Histogram(logits);
                score = ClassifierScore.FromLogits(logits);
                covered = ClassCoverage.ClassesCovered(histogram);
                classKl = ClassCoverage.HistogramKl(histogram, _referenceHistogram);
            }
            // Every row draws its KID subsets from the same seeded stream, so rows differ only by their samples.
            using var subsets = new RandomStream((ulong)Runtime.RandomStreams.Seed(Options.Seed, Runtime.RandomStreams.Evaluation));
            var (kid, kidStd) = KernelDistance.Compute(features, _referenceFeatures, subsets);
            double sharpness = Sharpness.Relative(images, _referenceLaplacianEnergy);
            return new EvaluationRow(name, (int)images.shape[0], fd, pr.Precision, pr.Recall, dc.Density, dc.Coverage, score, covered, classKl,
                kid, kidStd, sharpness);
        }
    }

    /// <summary>Only the Fréchet distance of <paramref name="images"/> to the reference (for cheap checks during training).</summary>
    public double FrechetDistanceOf(Tensor images)
    {
        var (features, logits) = FeatureClassifierTrainer.Embed(_classifier, images);
        using (features)
        using (logits)
        using (var moments = GaussianMoments.Of(features))
            return FrechetDistance.Compute(moments, _referenceMoments);
    }

    /// <summary>
    /// The calibration rows: <c>real</c> (held-out real images: the floor any model can reach), <c>noise</c>
    /// (clamped N(0, 1) pixels) and <c>repeated</c> (one reference image <paramref name="count"/> times: perfect fidelity, no diversity).
    /// </summary>
    /// <param name="heldOut">Real images not in the reference, e.g. the test split.</param>
    /// <param name="count">Samples in the noise and repeated rows.</param>
    public IReadOnlyList<EvaluationRow> Calibrate(Tensor heldOut, int count)
    {
        using var noiseStream = new RandomStream((ulong)Runtime.RandomStreams.Seed(Options.Seed, Runtime.RandomStreams.Preview));
        using var noise = CalibrationSamples.Noise(count, _firstReferenceImage.shape.Skip(1).ToArray(), noiseStream);
        using var repeated = CalibrationSamples.Repeated(_firstReferenceImage, count);
        return new[] { Score("real", heldOut), Score("noise", noise), Score("repeated", repeated) };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _referenceFeatures.Dispose();
        _referenceMoments.Dispose();
        _precisionManifold.Dispose();
        _densityManifold.Dispose();
        _firstReferenceImage.Dispose();
    }
}
