using static TorchSharp.torch;

namespace GanSharp.Distributions;

/// <summary>A mixture of isotropic Gaussians, p(x) = Σ_k w_k · N(x; μ_k, σ_k² I).</summary>
public sealed class GaussianMixture : ITargetDistribution
{
    private readonly double[][] _means;
    private readonly double[] _stddevs;
    private readonly double[] _weights;

    /// <param name="name">Short name for reports.</param>
    /// <param name="means">Component means μ_k, all of the same dimension.</param>
    /// <param name="stddevs">Component standard deviations σ_k &gt; 0.</param>
    /// <param name="weights">Mixture weights w_k ≥ 0; normalised here. Null means equal weights.</param>
    public GaussianMixture(string name, IReadOnlyList<double[]> means, IReadOnlyList<double> stddevs, IReadOnlyList<double>? weights = null)
    {
        if (means.Count == 0) throw new ArgumentException("A mixture needs at least one component.", nameof(means));
        if (stddevs.Count != means.Count) throw new ArgumentException("One standard deviation per component is needed.", nameof(stddevs));
        int d = means[0].Length;
        if (d == 0 || means.Any(m => m.Length != d)) throw new ArgumentException("All means must have the same, non-zero dimension.", nameof(means));
        if (stddevs.Any(s => !(s > 0) || double.IsInfinity(s))) throw new ArgumentException("Standard deviations must be positive and finite.", nameof(stddevs));
        var w = weights?.ToArray() ?? Enumerable.Repeat(1.0, means.Count).ToArray();
        if (w.Length != means.Count || w.Any(x => x < 0 || double.IsNaN(x)) || w.Sum() <= 0)
            throw new ArgumentException("Weights must be non-negative, one per component, and not all zero.", nameof(weights));
        double total = w.Sum();
        Name = name;
        Dimension = d;
        _means = means.Select(m => m.ToArray()).ToArray();
        _stddevs = stddevs.ToArray();
        _weights = w.Select(x => x / total).ToArray();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public bool HasDensity => true;

    /// <summary>Component means μ_k.</summary>
    public IReadOnlyList<double[]> Means => _means;

    /// <summary>Component standard deviations σ_k.</summary>
    public IReadOnlyList<double> Stddevs => _stddevs;

    /// <summary>Normalised mixture weights w_k.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Number of components K.</summary>
    public int ComponentCount => _means.Length;

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        var weights = tensor(_weights, dtype: float64);
        var component = multinomial(weights, n, replacement: true, generator: stream);          // [n]
        var means = tensor(_means.SelectMany(m => m).ToArray(), new long[] { ComponentCount, Dimension }, dtype: float64);
        var stds = tensor(_stddevs, dtype: float64);
        var noise = randn(new long[] { n, Dimension }, dtype: float64, generator: stream);      // [n, d]
        var x = means.index_select(0, component) + noise * stds.index_select(0, component).unsqueeze(1);
        return x.to_type(float32).MoveToOuterDisposeScope();
    }

    /// <summary>log p(x) = logsumexp_k [log w_k − (d/2) log(2πσ_k²) − ‖x − μ_k‖² / (2σ_k²)].</summary>
    public Tensor LogDensity(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != Dimension)
            throw new ArgumentException($"Expected points of shape [n, {Dimension}], got [{string.Join(", ", x.shape)}].", nameof(x));
        using var scope = NewDisposeScope();
        var dtype = is_floating_point(x) ? x.dtype : float64;
        var xs = x.to_type(dtype);
        var means = tensor(_means.SelectMany(m => m).ToArray(), new long[] { ComponentCount, Dimension }, dtype: dtype, device: x.device);
        var vars = tensor(_stddevs.Select(s => s * s).ToArray(), dtype: dtype, device: x.device);           // [K]
        var logW = tensor(_weights.Select(w => Math.Log(w)).ToArray(), dtype: dtype, device: x.device);            // [K]
        var sq = (xs.unsqueeze(1) - means.unsqueeze(0)).pow(2).sum(2);                                       // [n, K]
        var logComp = logW - 0.5 * Dimension * (vars * (2 * Math.PI)).log() - sq / (2 * vars);
        return logComp.logsumexp(1).MoveToOuterDisposeScope();
    }
}
