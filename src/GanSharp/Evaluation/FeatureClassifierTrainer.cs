using GanSharp.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Evaluation;

/// <summary>Trains a <see cref="FeatureClassifier"/> on labelled images and measures it.</summary>
public static class FeatureClassifierTrainer
{
    /// <summary>Images per forward pass when only predicting.</summary>
    public const int InferenceBatchSize = 1000;

    /// <summary>
    /// Minimises the cross-entropy −(1/m) Σ log softmax(f(x))_y with Adam for <see cref="FeatureClassifierOptions.Epochs"/> epochs, on
    /// randomly shifted images when <see cref="FeatureClassifierOptions.Shift"/> is above zero.
    /// </summary>
    /// <param name="images">[N, 1, 28, 28] float32 in [−1, 1].</param>
    /// <param name="labels">Class of each image, in 0 … classCount − 1.</param>
    /// <param name="classCount">Number of classes C.</param>
    /// <param name="options">Training settings; validated here.</param>
    /// <param name="epochCompleted">Called after each epoch with (epoch, mean training loss).</param>
    public static FeatureClassifier Train(Tensor images, IReadOnlyList<int> labels, int classCount, FeatureClassifierOptions options,
        Action<int, double>? epochCompleted = null)
    {
        MinibatchTraining.Prepare(options);
        using var targets = LabelTensor(images, labels, classCount);
        long n = images.shape[0];
        var classifier = new FeatureClassifier(classCount);
        var (batch, shifts) = MinibatchTraining.Batches(images, options);
        using (shifts)
            MinibatchTraining.Run(classifier, n, options,
                index => functional.cross_entropy(classifier.forward(batch(index)), targets.index_select(0, index)), epochCompleted);
        return classifier;
    }

    /// <summary>Fraction of <paramref name="images"/> whose most probable class is their label.</summary>
    public static double Accuracy(FeatureClassifier classifier, Tensor images, IReadOnlyList<int> labels)
    {
        using var targets = LabelTensor(images, labels, classifier.ClassCount);
        var (features, logits) = Embed(classifier, images);
        using (features)
        using (logits)
        using (var correct = logits.argmax(1).eq(targets))
            return correct.to_type(float64).mean().item<double>();
    }

    /// <summary>Features [n, 128] and logits [n, C] of <paramref name="images"/> ([n, 1, 28, 28]), in inference mode and batches.</summary>
    public static (Tensor Features, Tensor Logits) Embed(FeatureClassifier classifier, Tensor images)
    {
        if (images.shape[0] == 0) throw new ArgumentException("No images to embed.", nameof(images));
        classifier.eval();
        using var outer = NewDisposeScope();
        using var noGrad = no_grad();
        var features = new List<Tensor>();
        var logits = new List<Tensor>();
        long n = images.shape[0];
        for (long start = 0; start < n; start += InferenceBatchSize)
        {
            var (f, l) = classifier.ForwardBoth(images.narrow(0, start, Math.Min(InferenceBatchSize, n - start)));
            features.Add(f);
            logits.Add(l);
        }
        return (cat(features, 0).MoveToOuterDisposeScope(), cat(logits, 0).MoveToOuterDisposeScope());
    }

    private static Tensor LabelTensor(Tensor images, IReadOnlyList<int> labels, int classCount)
    {
        if (images.dim() != 4 || images.shape[0] == 0)
            throw new ArgumentException($"Images must be a non-empty [N, 1, 28, 28] tensor, got [{string.Join(", ", images.shape)}].", nameof(images));
        if (labels.Count != images.shape[0])
            throw new ArgumentException($"{labels.Count} labels for {images.shape[0]} images.", nameof(labels));
        if (labels.Any(y => y < 0 || y >= classCount))
            throw new ArgumentException($"Labels must lie in 0 … {classCount - 1}; found {labels.First(y => y < 0 || y >= classCount)}.", nameof(labels));
        return tensor(labels.Select(y => (long)y).ToArray());
    }
}
