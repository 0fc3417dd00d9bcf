using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

/// <summary>Tiny labelled 28 × 28 images for classifier tests: class c is a bright horizontal bar at rows 3 + 8c … 6 + 8c, in noise.</summary>
internal static class SyntheticImages
{
    public const int ClassCount = 3;

    public static (Tensor Images, int[] Labels) Make(int n, int seed)
    {
        var gen = new RandomStream((ulong)seed);
        var labels = Enumerable.Range(0, n).Select(i => i % ClassCount).ToArray();
        using var scope = NewDisposeScope();
        var images = randn(n, 1, 28, 28, generator: gen) * 0.4 - 0.6;                 // [n, 1, 28, 28], dark noisy background
        for (int i = 0; i < n; i++)
            images[i, 0, TensorIndex.Slice(3 + 8 * labels[i], 7 + 8 * labels[i])] += 1.4;
        return (images.clamp(-1, 1).MoveToOuterDisposeScope(), labels);
    }
}
