using GanSharp.Evaluation;
using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

/// <summary>One classifier trained on bar images, shared by the evaluator tests, with a reference and a held-out set.</summary>
public sealed class BarClassifierFixture : IDisposable
{
    public BarClassifierFixture()
    {
        var (train, labels) = SyntheticImages.Make(480, seed: 31);
        using (train) Classifier = FeatureClassifierTrainer.Train(train, labels, SyntheticImages.ClassCount, new FeatureClassifierOptions(Epochs: 1, BatchSize: 32, Seed: 1));
        Reference = SyntheticImages.Make(300, seed: 32).Images;
        HeldOut = SyntheticImages.Make(300, seed: 33).Images;
        Evaluator = new Evaluator(Classifier, Reference, new EvaluationOptions(SampleCount: 300));
        Calibration = Evaluator.Calibrate(HeldOut, 300);
    }

    /// <summary>An evaluator against <see cref="Reference"/>, with class metrics.</summary>
    public Evaluator Evaluator { get; }

    /// <summary>Its calibration rows real, noise, repeated.</summary>
    public IReadOnlyList<EvaluationRow> Calibration { get; }

    public FeatureClassifier Classifier { get; }

    public Tensor Reference { get; }

    public Tensor HeldOut { get; }

    public void Dispose()
    {
        Evaluator.Dispose();
        Classifier.Dispose();
        Reference.Dispose();
        HeldOut.Dispose();
    }
}

/// <summary>Test classes that share one <see cref="BarClassifierFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BarClassifierCollection : ICollectionFixture<BarClassifierFixture>
{
    public const string Name = "bar classifier";
}
