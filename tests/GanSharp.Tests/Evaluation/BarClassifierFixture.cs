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
    }

    public FeatureClassifier Classifier { get; }

    public Tensor Reference { get; }

    public Tensor HeldOut { get; }

    public void Dispose()
    {
        Classifier.Dispose();
        Reference.Dispose();
        HeldOut.Dispose();
    }
}
