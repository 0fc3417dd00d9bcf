namespace GanSharp.Theory;

/// <summary>Closed-form KL divergence between Gaussians.</summary>
public static class GaussianKl
{
    /// <summary>KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½.</summary>
    public static double Univariate(double mean1, double stddev1, double mean2, double stddev2) =>
        Isotropic(new[] { mean1 }, stddev1, new[] { mean2 }, stddev2);

    /// <summary>KL(N(μ₁, σ₁² I_d) ‖ N(μ₂, σ₂² I_d)) = d log(σ₂/σ₁) + (d σ₁² + ‖μ₁ − μ₂‖²) / (2σ₂²) − d/2.</summary>
    public static double Isotropic(IReadOnlyList<double> mean1, double stddev1, IReadOnlyList<double> mean2, double stddev2)
    {
        if (mean1.Count != mean2.Count || mean1.Count == 0) throw new ArgumentException("Both means need the same, non-zero dimension.");
        if (!(stddev1 > 0) || !(stddev2 > 0)) throw new ArgumentException("Standard deviations must be positive.");
        int d = mean1.Count;
        double sq = mean1.Zip(mean2, (a, b) => (a - b) * (a - b)).Sum();
        return d * Math.Log(stddev2 / stddev1) + (d * stddev1 * stddev1 + sq) / (2 * stddev2 * stddev2) - d / 2.0;
    }
}
