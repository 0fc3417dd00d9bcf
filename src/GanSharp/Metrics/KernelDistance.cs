using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>
/// Kernel distance between feature sets, as KID (Bińkowski, Sutherland, Arbel &amp; Gretton 2018, "Demystifying MMD GANs", §4):
/// the unbiased estimate of the squared maximum mean discrepancy with the cubic polynomial kernel, averaged over random subsets.
/// Unlike FD it has no bias at small N: its expectation is MMD² of the two distributions, 0 when they are equal.
/// </summary>
public static class KernelDistance
{
    /// <summary>Subsets averaged by default (Bińkowski et al. use 100 of 1,000 samples).</summary>
    public const int DefaultSubsets = 100;

    /// <summary>Largest subset size by default.</summary>
    public const int DefaultSubsetSize = 1000;

    /// <summary>k(x, y) = (xᵀy / d + 1)³ for every row x of <paramref name="x"/> ([n, d]) and y of <paramref name="y"/> ([m, d]): [n, m], float64.</summary>
    public static Tensor PolynomialKernel(Tensor x, Tensor y)
    {
        if (x.dim() != 2 || y.dim() != 2 || x.shape[1] != y.shape[1])
            throw new ArgumentException($"Features must be [n, d] and [m, d], got [{string.Join(", ", x.shape)}] and [{string.Join(", ", y.shape)}].", nameof(y));
        using var scope = NewDisposeScope();
        double d = x.shape[1];
        return (x.to_type(float64).matmul(y.to_type(float64).t()) / d + 1).pow(3).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The unbiased estimate of MMD² between the distributions of the rows of <paramref name="x"/> ([n, d], n ≥ 2) and <paramref name="y"/> ([m, d], m ≥ 2):
    /// MMD²_u = 1/(n(n−1)) Σ_{i≠j} k(x_i, x_j) + 1/(m(m−1)) Σ_{i≠j} k(y_i, y_j) − 2/(nm) Σ_{i,j} k(x_i, y_j)
    /// (Gretton et al. 2012, Lemma 6), with <see cref="PolynomialKernel"/>. It can be negative when the two are close.
    /// </summary>
    public static double UnbiasedMmdSquared(Tensor x, Tensor y)
    {
        long n = x.shape[0], m = y.shape[0];
        if (n < 2 || m < 2) throw new ArgumentException($"The unbiased estimate needs at least 2 samples on each side (got {n} and {m}).", nameof(y));
        using var scope = NewDisposeScope();
        var kxx = PolynomialKernel(x, x);
        var kyy = PolynomialKernel(y, y);
        var kxy = PolynomialKernel(x, y);
        double within = (kxx.sum() - kxx.trace()).item<double>() / (n * (n - 1.0))
                      + (kyy.sum() - kyy.trace()).item<double>() / (m * (m - 1.0));
        return within - 2 * kxy.sum().item<double>() / ((double)n * m);
    }

    /// <summary>
    /// KID of <paramref name="generated"/> ([n, d]) against <paramref name="real"/> ([m, d]): the mean and the standard deviation of
    /// <see cref="UnbiasedMmdSquared"/> over <paramref name="subsets"/> pairs of random subsets of s = min(<paramref name="subsetSize"/>, ⌊n/2⌋, ⌊m/2⌋)
    /// rows each (drawn without replacement within a subset, with <paramref name="stream"/>).
    /// </summary>
    /// <remarks>
    /// Bińkowski et al. average 100 subsets of 1,000; s is also capped at half of each set so that subsets differ and their spread
    /// (the standard deviation) says how much one subset's estimate varies, even at N = 1,000.
    /// </remarks>
    public static (double Mean, double Std) Compute(Tensor generated, Tensor real, RandomStream stream, int subsets = DefaultSubsets, int subsetSize = DefaultSubsetSize)
    {
        if (subsets < 2) throw new ArgumentOutOfRangeException(nameof(subsets), subsets, "KID's spread needs at least 2 subsets.");
        long s = Math.Min(subsetSize, Math.Min(generated.shape[0], real.shape[0]) / 2);
        if (s < 2) throw new ArgumentException($"KID needs at least 4 samples on each side (got {generated.shape[0]} and {real.shape[0]}).", nameof(generated));
        var estimates = new double[subsets];
        for (int i = 0; i < subsets; i++)
        {
            using var scope = NewDisposeScope();
            var g = generated.index_select(0, randperm(generated.shape[0], generator: stream).narrow(0, 0, s));   // [s, d]
            var r = real.index_select(0, randperm(real.shape[0], generator: stream).narrow(0, 0, s));             // [s, d]
            estimates[i] = UnbiasedMmdSquared(g, r);
        }
        double mean = estimates.Average();
        double std = Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (subsets - 1));
        return (mean, std);
    }
}
