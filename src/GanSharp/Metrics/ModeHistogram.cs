namespace GanSharp.Metrics;

/// <summary>The histogram of samples over M discrete modes (or the values of one attribute) and its distance from uniform.</summary>
public static class ModeHistogram
{
    /// <summary>p̂_j = |{i : mode_i = j}| / n for j = 0 … M − 1.</summary>
    public static double[] Of(IReadOnlyList<int> modes, int modeCount)
    {
        if (modes.Count == 0) throw new ArgumentException("No samples.", nameof(modes));
        if (modeCount < 1) throw new ArgumentOutOfRangeException(nameof(modeCount), modeCount, "There must be at least one mode.");
        var histogram = new double[modeCount];
        foreach (var mode in modes)
        {
            if (mode < 0 || mode >= modeCount) throw new ArgumentOutOfRangeException(nameof(modes), mode, $"Modes are 0 … {modeCount - 1}.");
            histogram[mode] += 1.0 / modes.Count;
        }
        return histogram;
    }

    /// <summary>Modes with at least one sample.</summary>
    public static int Captured(IReadOnlyList<double> histogram) => histogram.Count(p => p > 0);

    /// <summary>KL(p̂ ‖ uniform) = Σ_j p̂_j log(p̂_j · M) in nats: 0 for a uniform histogram, log M when every sample falls in one mode.</summary>
    public static double KlToUniform(IReadOnlyList<double> histogram)
    {
        double kl = 0;
        foreach (var p in histogram)
            if (p > 0) kl += p * Math.Log(p * histogram.Count);
        return kl;
    }
}
