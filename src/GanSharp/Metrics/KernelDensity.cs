namespace GanSharp.Metrics;

/// <summary>One-dimensional Gaussian kernel density estimates, used to draw p_G (and p_data for point files) in 1D pictures.</summary>
public static class KernelDensity
{
    /// <summary>
    /// p̂(x) = (1 / (n h)) Σᵢ φ((x − xᵢ) / h), with φ the standard normal density (Silverman 1986, §3.3).
    /// </summary>
    /// <param name="samples">The xᵢ.</param>
    /// <param name="at">Points where p̂ is evaluated.</param>
    /// <param name="bandwidth">h &gt; 0.</param>
    public static double[] Estimate(IReadOnlyList<double> samples, IReadOnlyList<double> at, double bandwidth)
    {
        if (samples.Count == 0) throw new ArgumentException("A density estimate needs at least one sample.", nameof(samples));
        if (!(bandwidth > 0) || double.IsInfinity(bandwidth)) throw new ArgumentException($"The bandwidth must be positive and finite (got {bandwidth}).", nameof(bandwidth));
        double norm = 1.0 / (samples.Count * bandwidth * Math.Sqrt(2 * Math.PI));
        var result = new double[at.Count];
        for (int j = 0; j < at.Count; j++)
        {
            double sum = 0;
            foreach (var xi in samples)
            {
                double u = (at[j] - xi) / bandwidth;
                sum += Math.Exp(-0.5 * u * u);
            }
            result[j] = norm * sum;
        }
        return result;
    }

    /// <summary>
    /// Silverman's rule of thumb h = 0.9 · min(σ̂, IQR / 1.34) · n^(−1/5) (Silverman 1986, eq. 3.31);
    /// falls back to σ̂ alone when the IQR is zero, and to 1e-3 for a constant sample.
    /// </summary>
    public static double SilvermanBandwidth(IReadOnlyList<double> samples)
    {
        int n = samples.Count;
        if (n == 0) throw new ArgumentException("A bandwidth needs at least one sample.", nameof(samples));
        double mean = samples.Average();
        double sd = n > 1 ? Math.Sqrt(samples.Sum(x => (x - mean) * (x - mean)) / (n - 1)) : 0;
        var sorted = samples.OrderBy(x => x).ToArray();
        double iqr = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        double spread = iqr > 0 ? Math.Min(sd, iqr / 1.34) : sd;
        return spread > 0 ? 0.9 * spread * Math.Pow(n, -0.2) : 1e-3;
    }

    /// <summary>Linear-interpolated quantile of sorted values (NumPy's default rule).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
