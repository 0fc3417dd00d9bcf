using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>Degenerate "generators" whose scores mark the bad end of every metric's scale.</summary>
public static class CalibrationSamples
{
    /// <summary>Pure noise: every pixel N(0, 1), clamped to [−1, 1]. Shape [count, ...imageShape].</summary>
    public static Tensor Noise(int count, long[] imageShape, RandomStream stream)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one sample is needed.");
        using var scope = NewDisposeScope();
        var shape = new long[] { count }.Concat(imageShape).ToArray();
        return randn(shape, generator: stream).clamp_(-1, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Total mode collapse: one real image ([1, ...]) repeated <paramref name="count"/> times.</summary>
    public static Tensor Repeated(Tensor image, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one sample is needed.");
        if (image.shape[0] != 1) throw new ArgumentException($"Expected one image [1, ...], got [{string.Join(", ", image.shape)}].", nameof(image));
        var shape = image.shape.ToArray();
        shape[0] = count;
        using var scope = NewDisposeScope();
        return image.expand(shape).contiguous().MoveToOuterDisposeScope();
    }
}
