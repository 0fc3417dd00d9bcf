using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>
/// Mode coverage over a dataset's classes: the histogram of the classifier's predicted classes on
/// generated samples, compared with the one on real samples (the class analogue of <see cref="ModeMetrics"/>).
/// </summary>
public static class ClassCoverage
{
    /// <summary>A class counts as covered when it gets at least this fraction of its uniform share 1/C of the predictions.</summary>
    public const double DefaultMinShareOfUniform = 0.1;

    /// <summary>p̂_c = |{i : argmax_y logits_i = c}| / n over <paramref name="logits"/> ([n, C]); one entry per class.</summary>
    public static double[] Histogram(Tensor logits)
    {
        if (logits.dim() != 2 || logits.shape[0] == 0)
            throw new ArgumentException($"Logits must have shape [n, C] with n ≥ 1, got [{string.Join(", ", logits.shape)}].", nameof(logits));
        using var scope = NewDisposeScope();
        int classes = (int)logits.shape[1];
        var counts = logits.argmax(1).cpu().bincount(null, classes).to_type(float64);   // [C]
        return (counts / logits.shape[0]).data<double>().ToArray();
    }

    /// <summary>Classes c with p̂_c ≥ minShare · (1/C): a class generated only by a stray sample or two is not covered.</summary>
    public static int ClassesCovered(IReadOnlyList<double> histogram, double minShareOfUniform = DefaultMinShareOfUniform)
    {
        if (histogram.Count == 0) throw new ArgumentException("The histogram has no classes.", nameof(histogram));
        double threshold = minShareOfUniform / histogram.Count;
        return histogram.Count(p => p >= threshold && p > 0);
    }

    /// <summary>
    /// KL(p̂_gen ‖ p̂_real) = Σ_c p̂_gen(c) log(p̂_gen(c) / p̂_real(c)), in nats; 0 when the histograms agree,
    /// log C when a model that should spread evenly over C classes makes only one. +∞ when the model makes a class the real data never shows.
    /// </summary>
    public static double HistogramKl(IReadOnlyList<double> generated, IReadOnlyList<double> real)
    {
        if (generated.Count != real.Count)
            throw new ArgumentException($"Both histograms need the same classes, got {generated.Count} and {real.Count}.", nameof(real));
        double kl = 0;
        for (int c = 0; c < generated.Count; c++)
        {
            if (generated[c] <= 0) continue;
            if (real[c] <= 0) return double.PositiveInfinity;
            kl += generated[c] * Math.Log(generated[c] / real[c]);
        }
        return kl;
    }
}
