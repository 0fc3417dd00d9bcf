using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Theory;

/// <summary>
/// A Gaussian kernel density estimate p̂(x) = (1/n) Σ_i N(x; x_i, h² I), for a P_G that can be sampled
/// but has no closed-form density (Rosenblatt 1956; Parzen 1962). Bandwidth by Scott's rule
/// h = σ̂ · n^(−1/(d+4)), with σ̂ the mean per-axis standard deviation of the samples, unless one is given
/// (<see cref="SilvermanBandwidth"/> for 1D pictures, <see cref="LeaveOneOutBandwidth"/> for many small modes).
/// </summary>
public sealed class KernelDensityEstimate : ITargetDistribution
{
    private readonly Tensor _centres;   // [n, d] float64

    /// <param name="name">Short name for reports.</param>
    /// <param name="samples">Samples x_i, [n, d] (copied).</param>
    /// <param name="bandwidth">Kernel width h; null uses Scott's rule.</param>
    public KernelDensityEstimate(string name, Tensor samples, double? bandwidth = null)
    {
        if (samples.dim() != 2 || samples.shape[0] < 2) throw new ArgumentException("A density estimate needs samples of shape [n ≥ 2, d].", nameof(samples));
        Name = name;
        Dimension = (int)samples.shape[1];
        _centres = samples.detach().to_type(float64).cpu().clone();
        double h = bandwidth ?? ScottBandwidth(_centres);
        if (!(h > 0)) throw new ArgumentException("The bandwidth must be positive (the samples may all be equal).", nameof(bandwidth));
        Bandwidth = h;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public bool HasDensity => true;

    /// <summary>Kernel width h.</summary>
    public double Bandwidth { get; }

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        var index = randint(0, _centres.shape[0], new long[] { n }, dtype: int64, generator: stream);
        var noise = randn(new long[] { n, Dimension }, dtype: float64, generator: stream) * Bandwidth;
        return (_centres.index_select(0, index) + noise).to_type(float32).MoveToOuterDisposeScope();
    }

    /// <summary>log p̂(x) = logsumexp_i(−‖x − x_i‖² / (2h²)) − log n − (d/2) log(2πh²), computed in chunks.</summary>
    public Tensor LogDensity(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != Dimension)
            throw new ArgumentException($"Expected points of shape [n, {Dimension}], got [{string.Join(", ", x.shape)}].", nameof(x));
        using var scope = NewDisposeScope();
        var xs = x.to_type(float64).cpu();
        double constant = -Math.Log(_centres.shape[0]) - 0.5 * Dimension * Math.Log(2 * Math.PI * Bandwidth * Bandwidth);
        var parts = new List<Tensor>();
        const long chunk = 1024;
        for (long start = 0; start < xs.shape[0]; start += chunk)
        {
            var rows = xs.narrow(0, start, Math.Min(chunk, xs.shape[0] - start));
            var sq = cdist(rows, _centres).pow(2);                                   // [chunk, n]
            parts.Add((-sq / (2 * Bandwidth * Bandwidth)).logsumexp(1) + constant);
        }
        return cat(parts, 0).to_type(is_floating_point(x) ? x.dtype : float64).MoveToOuterDisposeScope();
    }

    /// <summary>Scott's rule h = σ̂ · n^(−1/(d+4)), σ̂ the mean per-axis standard deviation of <paramref name="samples"/> ([n, d]); 0 for a constant sample.</summary>
    public static double ScottBandwidth(Tensor samples)
    {
        using var scope = NewDisposeScope();
        var x = samples.to_type(float64);
        return x.std(0L).mean().item<double>() * Math.Pow(x.shape[0], -1.0 / (x.shape[1] + 4));
    }

    /// <summary>
    /// Silverman's rule of thumb h = 0.9 · min(σ̂, IQR / 1.34) · n^(−1/5) for 1D samples (Silverman 1986, eq. 3.31);
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

    /// <summary>
    /// The h among <paramref name="candidates"/> that maximises the leave-one-out log-likelihood
    /// Σ_i log[(1/(n−1)) Σ_{j≠i} N(x_i; x_j, h² I)] of <paramref name="samples"/> ([n, d]) (Duin 1976), the sum taken over
    /// the first <paramref name="queries"/> points (an unbiased estimate for exchangeable samples, at a fraction of the n² cost).
    /// Unlike Scott's rule it does not smear many narrow modes into one wide blob.
    /// </summary>
    public static double LeaveOneOutBandwidth(Tensor samples, IReadOnlyList<double> candidates, int queries = 512)
    {
        if (samples.dim() != 2 || samples.shape[0] < 2) throw new ArgumentException("A bandwidth needs samples of shape [n ≥ 2, d].", nameof(samples));
        if (candidates.Count == 0 || candidates.Any(h => !(h > 0) || double.IsInfinity(h)))
            throw new ArgumentException("The candidate bandwidths must be positive and finite.", nameof(candidates));
        if (queries < 1) throw new ArgumentException($"At least one query point is needed (got {queries}).", nameof(queries));
        using var scope = NewDisposeScope();
        var x = samples.to_type(float64).cpu();
        long n = x.shape[0], q = Math.Min(n, queries);
        double d = x.shape[1];
        var sq = cdist(x.narrow(0, 0, q), x).pow(2);                                     // [q, n]
        var self = eye(q, n, dtype: @bool);                                              // x_i against itself
        double best = candidates[0], bestLikelihood = double.NegativeInfinity;
        foreach (var h in candidates)
        {
            var logKernel = (sq * (-1 / (2 * h * h))).masked_fill_(self, double.NegativeInfinity);
            double likelihood = logKernel.logsumexp(1).sum().item<double>() - q * (Math.Log(n - 1) + 0.5 * d * Math.Log(2 * Math.PI * h * h));
            if (likelihood > bestLikelihood)
            {
                bestLikelihood = likelihood;
                best = h;
            }
        }
        return best;
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
