using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>Mode metrics for mixtures (Srivastava et al. 2017, VEEGAN; Lin et al. 2018, PacGAN).</summary>
public static class ModeMetrics
{
    /// <summary>Number of generated samples the protocol scores.</summary>
    public const int StandardSampleCount = 2500;

    /// <summary>A sample is high-quality when within this many σ of its nearest mode.</summary>
    public const double QualityRadiusInStddevs = 3.0;

    /// <summary>Scores <paramref name="samples"/> ([n, d]) against the modes of <paramref name="target"/>.</summary>
    public static ModeReport Compute(Tensor samples, IModalDistribution target) =>
        Compute(samples, target.Modes, target.ModeStddev);

    /// <summary>
    /// Each sample goes to its nearest mode; it is high-quality when ‖x − μ‖ ≤ 3σ; a mode is captured
    /// when it has a high-quality sample. Reverse KL = Σ_k p̂_k log(K p̂_k) over the high-quality histogram p̂.
    /// </summary>
    public static ModeReport Compute(Tensor samples, IReadOnlyList<double[]> modes, double stddev)
    {
        if (modes.Count == 0) throw new ArgumentException("At least one mode is needed.", nameof(modes));
        int d = modes[0].Length;
        if (samples.dim() != 2 || samples.shape[1] != d)
            throw new ArgumentException($"Expected samples of shape [n, {d}], got [{string.Join(", ", samples.shape)}].", nameof(samples));
        int k = modes.Count;
        int n = (int)samples.shape[0];
        var perMode = new int[k];
        int highQuality = 0;
        using (NewDisposeScope())
        {
            var x = samples.to_type(float64).cpu();
            var mu = tensor(modes.SelectMany(m => m).ToArray(), new long[] { k, d }, dtype: float64);
            var dist = cdist(x, mu);                                                 // [n, K]
            var (nearestDist, nearest) = dist.min(1);
            var dists = nearestDist.data<double>().ToArray();
            var index = nearest.data<long>().ToArray();
            double radius = QualityRadiusInStddevs * stddev;
            for (int i = 0; i < n; i++)
            {
                if (!(dists[i] <= radius)) continue;                                  // NaN samples are never high-quality
                perMode[index[i]]++;
                highQuality++;
            }
        }
        double? reverseKl = null;
        if (highQuality > 0)
        {
            double kl = 0;
            foreach (var c in perMode)
            {
                if (c == 0) continue;
                double p = (double)c / highQuality;
                kl += p * Math.Log(k * p);
            }
            reverseKl = kl;
        }
        return new ModeReport(perMode.Count(c => c > 0), k, n == 0 ? 0 : (double)highQuality / n, reverseKl, n, perMode);
    }
}
