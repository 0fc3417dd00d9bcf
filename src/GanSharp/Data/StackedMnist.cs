using static TorchSharp.torch;

namespace GanSharp.Data;

/// <summary>
/// Stacked MNIST (Srivastava et al. 2017, VEEGAN; Lin et al. 2018, PacGAN): each image stacks three MNIST digits drawn at random as its
/// red, green and blue channels, so the data has 10³ = 1,000 modes, one per digit triple.
/// </summary>
public static class StackedMnist
{
    /// <summary>Name of the data in a run's settings (<c>--data stacked-mnist</c>).</summary>
    public const string Name = "stacked-mnist";

    /// <summary>Seed of the fixed draw of stacked images a run keeps beside its endless stream (the same for every run).</summary>
    public const long DataSeed = 0;

    /// <summary>Modes of the data: 1,000.</summary>
    public const int ModeCount = 1000;

    /// <summary>
    /// <paramref name="count"/> images [count, 3, 28, 28] in [−1, 1], channel c a random digit of <paramref name="digits"/> (drawn with
    /// replacement with <paramref name="seed"/>), labelled with their mode 100·d₀ + 10·d₁ + d₂.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digits"/> is not labelled 28×28 grayscale.</exception>
    public static ImageDataset Build(ImageDataset digits, int count, long seed)
    {
        if (digits.Labels is null || digits.ImageShape is not [1, 28, 28])
            throw new ArgumentException($"Stacked MNIST needs labelled 28×28 grayscale digits; {digits.Description} has [{string.Join(", ", digits.ImageShape)}]{(digits.Labels is null ? " without labels" : "")}.", nameof(digits));
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Build at least one image.");
        using var scope = NewDisposeScope();
        using var stream = new RandomStream((ulong)seed);
        var picks = randint(0, digits.Count, new long[] { count, 3 }, dtype: int64, generator: stream);      // [count, 3] digit indices
        var images = Stack(digits.Images, picks);
        var rows = picks.data<long>().ToArray();
        var modes = new int[count];
        for (int i = 0; i < count; i++)
            modes[i] = Mode(digits.Labels[rows[3 * i]], digits.Labels[rows[3 * i + 1]], digits.Labels[rows[3 * i + 2]]);
        return new ImageDataset(images.MoveToOuterDisposeScope(), modes, $"Stacked MNIST ({count} images from {digits.Description})");
    }

    /// <summary>Images [m, 3, 28, 28] whose channel c is digit <paramref name="picks"/>[i, c] of <paramref name="digits"/> [N, 1, 28, 28].</summary>
    public static Tensor Stack(Tensor digits, Tensor picks)
    {
        long m = picks.shape[0];
        return digits.index_select(0, picks.flatten()).reshape(m, 3, 28, 28);   // [m·3, 1, 28, 28] → [m, 3, 28, 28]
    }

    /// <summary>The mode of a digit triple: 100·d₀ + 10·d₁ + d₂.</summary>
    public static int Mode(int red, int green, int blue)
    {
        if (red is < 0 or > 9 || green is < 0 or > 9 || blue is < 0 or > 9) throw new ArgumentOutOfRangeException(nameof(red), $"Digits are 0–9 (got {red}, {green}, {blue}).");
        return 100 * red + 10 * green + blue;
    }
}
