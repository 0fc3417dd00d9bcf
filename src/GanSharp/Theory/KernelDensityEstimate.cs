using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Theory;

/// <summary>
/// A Gaussian kernel density estimate p̂(x) = (1/n) Σ_i N(x; x_i, h² I), for a P_G that can be sampled
/// but has no closed-form density (Rosenblatt 1956; Parzen 1962). Bandwidth by Scott's rule
/// h = σ̂ · n^(−1/(d+4)), with σ̂ the mean per-axis standard deviation of the samples.
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
        double n = samples.shape[0];
        double h = bandwidth ?? _centres.std(0L).mean().item<double>() * Math.Pow(n, -1.0 / (Dimension + 4));
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
    public Tensor Sample(long n, Generator generator)
    {
        using var scope = NewDisposeScope();
        var index = randint(0, _centres.shape[0], new long[] { n }, dtype: int64, generator: generator);
        var noise = randn(new long[] { n, Dimension }, dtype: float64, generator: generator) * Bandwidth;
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
}
