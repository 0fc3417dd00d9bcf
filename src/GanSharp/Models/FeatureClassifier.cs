using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// A small CNN classifier for 1 × 28 × 28 images in [−1, 1] whose penultimate layer is the feature space of
/// GanSharp's sample-quality metrics (the role Inception-v3's pool features play in FID).
/// </summary>
public sealed class FeatureClassifier : Module<Tensor, Tensor>
{
    /// <summary>Width of the feature layer.</summary>
    public const int FeatureDimension = 128;

    private readonly Sequential features;
    private readonly Linear head;

    /// <param name="classCount">Number of classes C (≥ 2).</param>
    public FeatureClassifier(int classCount) : base(nameof(FeatureClassifier))
    {
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A classifier needs at least 2 classes.");
        ClassCount = classCount;
        features = Sequential(
            Conv2d(1, 32, 3, padding: 1), BatchNorm2d(32), ReLU(), MaxPool2d(2),        // → 32 × 14 × 14
            Conv2d(32, 64, 3, padding: 1), BatchNorm2d(64), ReLU(), MaxPool2d(2),       // → 64 × 7 × 7
            Flatten(),                                                                  // → 3136
            Linear(64 * 7 * 7, FeatureDimension), ReLU());                              // → 128 (the features)
        head = Linear(FeatureDimension, classCount);                                    // → C logits
        RegisterComponents();
    }

    /// <summary>Number of classes C.</summary>
    public int ClassCount { get; }

    /// <summary>Identifies the architecture; part of the cache key, so a changed network never reuses old weights.</summary>
    public string Architecture =>
        $"FeatureClassifier/v1: 1x28x28 -> conv3x3(32)+bn+relu+maxpool2 -> conv3x3(64)+bn+relu+maxpool2 -> fc({FeatureDimension})+relu -> fc({ClassCount})";

    /// <summary>Class logits [n, C] of images [n, 1, 28, 28].</summary>
    public override Tensor forward(Tensor images) => ForwardBoth(images).Logits;

    /// <summary>Penultimate features [n, 128] of images [n, 1, 28, 28].</summary>
    public Tensor Features(Tensor images)
    {
        CheckShape(images);
        return features.forward(images);
    }

    /// <summary>Features [n, 128] and logits [n, C] from one pass.</summary>
    public (Tensor Features, Tensor Logits) ForwardBoth(Tensor images)
    {
        using var scope = NewDisposeScope();
        var f = Features(images);
        var logits = head.forward(f);
        return (f.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }

    private static void CheckShape(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != 28 || images.shape[3] != 28)
            throw new ArgumentException($"The feature classifier takes images [n, 1, 28, 28], got [{string.Join(", ", images.shape)}].", nameof(images));
    }
}
