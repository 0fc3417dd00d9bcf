using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>What a linear probe reached: accuracy on the features it was fitted to and on held-out features.</summary>
/// <param name="TrainAccuracy">Fraction of the fitting set classified correctly.</param>
/// <param name="TestAccuracy">Fraction of the held-out set classified correctly.</param>
/// <param name="L2">The λ used (picked on the validation split when several were offered).</param>
/// <param name="FinalLoss">Penalised cross-entropy after the last step.</param>
/// <param name="FeatureLength">Length d of a feature vector.</param>
public sealed record LinearProbeResult(double TrainAccuracy, double TestAccuracy, double L2, double FinalLoss, long FeatureLength);

/// <summary>
/// A linear probe: multinomial logistic regression on fixed features, the standard way to ask how much class information a network's
/// features hold (Radford et al. 2016 §5.1 for a GAN's discriminator).
/// </summary>
public static class LinearProbe
{
    /// <summary>
    /// Standardises the features with the fitting set's mean and standard deviation, then minimises
    /// L(W, b) = −(1/n) Σᵢ log softmax(W hᵢ + b)_{yᵢ} + (λ/2)·‖W‖² with full-batch Adam, λ picked on a validation split
    /// (see <see cref="LinearProbeOptions.L2Candidates"/>), and measures both accuracies.
    /// </summary>
    /// <param name="trainFeatures">[n, d] features of the fitting set.</param>
    /// <param name="trainLabels">Class of each, in 0 … <paramref name="classCount"/> − 1.</param>
    /// <param name="testFeatures">[n′, d] held-out features.</param>
    /// <param name="testLabels">Their classes.</param>
    /// <param name="classCount">Number of classes C.</param>
    /// <param name="options">Fitting settings (default when null).</param>
    public static LinearProbeResult Fit(Tensor trainFeatures, IReadOnlyList<int> trainLabels, Tensor testFeatures, IReadOnlyList<int> testLabels,
        int classCount, LinearProbeOptions? options = null)
    {
        options ??= new LinearProbeOptions();
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid linear probe options: " + string.Join(" ", problems), nameof(options));
        Check(trainFeatures, trainLabels, classCount, "fitting");
        Check(testFeatures, testLabels, classCount, "held-out");
        if (testFeatures.shape[1] != trainFeatures.shape[1])
            throw new ArgumentException($"Held-out features have length {testFeatures.shape[1]}, the fitting ones {trainFeatures.shape[1]}.", nameof(testFeatures));

        // The thread count changes the rounding of the sums and so the fitted weights: set it from the work, not from what ran before.
        Runtime.ThreadPolicy.ApplyForFlops(2.0 * trainFeatures.shape[0] * trainFeatures.shape[1] * classCount);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = trainFeatures.to_type(float32);
        var mean = x.mean(new long[] { 0 }, keepdim: true);
        var std = x.std(0, keepdim: true).clamp_min(1e-6);   // constant features (dead units) stay 0 after centring
        var train = (x - mean) / std;
        var test = (testFeatures.to_type(float32) - mean) / std;
        var y = tensor(trainLabels.Select(l => (long)l).ToArray());
        var yTest = tensor(testLabels.Select(l => (long)l).ToArray());

        double l2 = options.L2Values[0];
        if (options.L2Values.Count > 1)
        {
            long n = train.shape[0], fit = Math.Max(1, (long)Math.Round(n * (1 - options.ValidationFraction)));
            if (fit >= n) throw new ArgumentException($"The fitting set ({n} rows) is too small to hold out a validation share of {options.ValidationFraction}.");
            double best = double.NegativeInfinity;
            foreach (var candidate in options.L2Values.OrderBy(v => v))
            {
                using var model = Train(train.narrow(0, 0, fit), y.narrow(0, 0, fit), classCount, candidate, options).Model;
                double accuracy = Accuracy(model, train.narrow(0, fit, n - fit), y.narrow(0, fit, n - fit));
                if (accuracy >= best) (best, l2) = (accuracy, candidate);
            }
        }
        var (linear, loss) = Train(train, y, classCount, l2, options);
        using (linear)
            return new LinearProbeResult(Accuracy(linear, train, y), Accuracy(linear, test, yTest), l2, loss, train.shape[1]);
    }

    private static (TorchSharp.Modules.Linear Model, double Loss) Train(Tensor features, Tensor labels, int classCount, double l2, LinearProbeOptions options)
    {
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var linear = nn.Linear(features.shape[1], classCount);   // h ↦ W h + b
        using var adam = optim.Adam(linear.parameters(), options.LearningRate);
        double loss = double.NaN;
        using var grad = enable_grad();
        for (int step = 0; step < options.Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            adam.zero_grad();
            var objective = nn.functional.cross_entropy(linear.forward(features), labels) + 0.5 * l2 * linear.weight!.pow(2).sum();
            objective.backward();
            adam.step();
            loss = objective.item<float>();
        }
        return (linear, loss);
    }

    private static double Accuracy(TorchSharp.Modules.Linear linear, Tensor features, Tensor labels)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return linear.forward(features).argmax(1).eq(labels).to_type(float64).mean().item<double>();
    }

    private static void Check(Tensor features, IReadOnlyList<int> labels, int classCount, string which)
    {
        if (features.dim() != 2) throw new ArgumentException($"The {which} features must be [n, d] (got [{string.Join(", ", features.shape)}]).");
        if (features.shape[0] != labels.Count) throw new ArgumentException($"{labels.Count} {which} labels for {features.shape[0]} feature rows.");
        if (features.shape[0] == 0) throw new ArgumentException($"The {which} set is empty.");
        if (classCount < 2) throw new ArgumentException($"A probe needs at least 2 classes (got {classCount}).");
        if (labels.Any(l => l < 0 || l >= classCount)) throw new ArgumentException($"A {which} label is outside 0 … {classCount - 1}.");
    }
}
