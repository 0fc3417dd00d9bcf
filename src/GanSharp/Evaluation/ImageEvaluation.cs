using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>The whole evaluation of an image generator: draw the real reference, score the model, score the calibration rows.</summary>
public static class ImageEvaluation
{
    /// <summary>
    /// Compares <paramref name="generate"/>'s N samples (N = <see cref="EvaluationOptions.SampleCount"/>) with N training
    /// images drawn without replacement, and adds the calibration rows: <c>real</c> (up to N test images against the same
    /// reference), <c>noise</c> and <c>repeated</c>.
    /// </summary>
    /// <param name="dataset">The real data, in words.</param>
    /// <param name="classifier">The feature network and its record.</param>
    /// <param name="trainImages">[N_train, 1, 28, 28] in [−1, 1]; the reference is drawn from these.</param>
    /// <param name="testImages">Held-out real images for the <c>real</c> row.</param>
    /// <param name="generate">Draws m samples [m, 1, 28, 28]; null for the calibration rows only.</param>
    /// <param name="options">N, seed, neighbour ranks.</param>
    /// <param name="classMetrics">Whether the classifier's classes are this data's classes.</param>
    /// <param name="checkpoint">The evaluated checkpoint, for the report.</param>
    /// <param name="progress">Called with a short description before each slow step.</param>
    public static EvaluationReport Run(string dataset, TrainedClassifier classifier, Tensor trainImages, Tensor testImages,
        Func<long, Tensor>? generate, EvaluationOptions options, bool classMetrics = true, string? checkpoint = null,
        Action<string>? progress = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException("Invalid evaluation options: " + string.Join(" ", problems), nameof(options));
        int n = options.SampleCount;
        if (trainImages.shape[0] < n)
            throw new ArgumentException($"The reference needs {n} training images but the data has {trainImages.shape[0]}; lower --n.", nameof(trainImages));
        int heldOutCount = (int)Math.Min(n, testImages.shape[0]);
        if (heldOutCount <= Math.Max(options.PrecisionRecallK, options.DensityCoverageK))
            throw new ArgumentException($"The held-out set has only {testImages.shape[0]} images; the real calibration row needs more.", nameof(testImages));

        progress?.Invoke($"embedding {n} reference images");
        using var draw = new RandomStream((ulong)RandomStreams.Seed(options.Seed, RandomStreams.Data));
        using var referenceIndex = randperm(trainImages.shape[0], generator: draw).narrow(0, 0, n);
        using var reference = trainImages.index_select(0, referenceIndex);
        using var heldOut = testImages.narrow(0, 0, heldOutCount);
        using var evaluator = new Evaluator(classifier.Classifier, reference, options, classMetrics);

        EvaluationRow? model = null;
        if (generate is not null)
        {
            progress?.Invoke($"sampling and scoring {n} generated images");
            using var generated = GeneratorSamples.Draw(generate, n);
            model = evaluator.Score("model", generated);
        }
        progress?.Invoke("scoring the calibration rows (real, noise, repeated)");
        var calibration = evaluator.Calibrate(heldOut, n);
        return new EvaluationReport(dataset, DescribeFeatureSpace(classifier.Record), classifier.Record, model, calibration, checkpoint);
    }

    /// <summary>One line saying which features the numbers are computed on, and that they are not Inception's.</summary>
    public static string DescribeFeatureSpace(ClassifierRecord record) =>
        $"128-d penultimate features of GanSharp's own CNN classifier, trained on {record.Dataset}: " +
        $"{record.TrainCount} images, test accuracy {record.TestAccuracy:P1} on {record.TestCount}; " +
        "not Inception-v3, so FD here is not comparable with published FID values.";
}
