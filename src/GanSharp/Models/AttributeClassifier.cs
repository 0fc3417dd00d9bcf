using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// A small CNN for 3 × 64 × 64 images in [−1, 1] with one softmax head per discrete attribute (the cartoon faces' hair, eyes, skin,
/// mouth and background): its logits are the heads' side by side, [n, Σ_a K_a].
/// </summary>
public sealed class AttributeClassifier : Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Linear heads;

    /// <param name="valueCounts">K_a, the number of values of each attribute (each ≥ 2).</param>
    public AttributeClassifier(IReadOnlyList<int> valueCounts) : base(nameof(AttributeClassifier))
    {
        if (valueCounts.Count == 0 || valueCounts.Any(k => k < 2))
            throw new ArgumentException("Every attribute needs at least 2 values.", nameof(valueCounts));
        ValueCounts = valueCounts.ToArray();
        body = Sequential(
            Conv2d(3, 32, 4, stride: 2, padding: 1), ReLU(),                           // → 32 × 32 × 32
            Conv2d(32, 64, 4, stride: 2, padding: 1), BatchNorm2d(64), ReLU(),          // → 64 × 16 × 16
            Conv2d(64, 64, 4, stride: 2, padding: 1), BatchNorm2d(64), ReLU(),          // → 64 × 8 × 8
            Flatten(),                                                                  // → 4096
            Linear(64 * 8 * 8, 128), ReLU());                                           // → 128
        heads = Linear(128, ValueCounts.Sum());                                         // → Σ K_a logits
        RegisterComponents();
    }

    /// <summary>K_a per attribute.</summary>
    public IReadOnlyList<int> ValueCounts { get; }

    /// <summary>Identifies the architecture (for records).</summary>
    public string Architecture => ArchitectureOf(ValueCounts);

    /// <summary>Identifies the architecture for attributes of <paramref name="valueCounts"/> values (for records and cache keys).</summary>
    public static string ArchitectureOf(IReadOnlyList<int> valueCounts) =>
        $"AttributeClassifier/v1: 3x64x64 -> conv4s2(32)+relu -> conv4s2(64)+bn+relu -> conv4s2(64)+bn+relu -> fc(128)+relu -> heads({string.Join(",", valueCounts)})";

    /// <summary>The heads' logits side by side, [n, Σ K_a], of images [n, 3, 64, 64].</summary>
    public override Tensor forward(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 3 || images.shape[2] != 64 || images.shape[3] != 64)
            throw new ArgumentException($"Expected images [n, 3, 64, 64], got [{string.Join(", ", images.shape)}].", nameof(images));
        return heads.forward(body.forward(images));
    }

    /// <summary>The logits of attribute a: columns Σ_{b&lt;a} K_b … of <paramref name="logits"/> [n, Σ K].</summary>
    public Tensor Head(Tensor logits, int attribute) => logits.narrow(1, ValueCounts.Take(attribute).Sum(), ValueCounts[attribute]);
}
