using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Theory;

/// <summary>The uniform distribution on [a, b] in 1D: p(x) = 1/(b − a) on the interval, 0 elsewhere. Two of them with disjoint intervals have JSD = log 2.</summary>
public sealed class UniformInterval : ITargetDistribution
{
    /// <param name="lower">a.</param>
    /// <param name="upper">b &gt; a.</param>
    public UniformInterval(double lower, double upper)
    {
        if (!(upper > lower)) throw new ArgumentException($"A uniform interval needs lower < upper (got [{lower}, {upper}]).");
        Lower = lower;
        Upper = upper;
    }

    /// <summary>a.</summary>
    public double Lower { get; }

    /// <summary>b.</summary>
    public double Upper { get; }

    /// <inheritdoc />
    public string Name => $"U({Lower:0.##}, {Upper:0.##})";

    /// <inheritdoc />
    public int Dimension => 1;

    /// <inheritdoc />
    public bool HasDensity => true;

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        return (rand(new long[] { n, 1 }, dtype: float64, generator: stream) * (Upper - Lower) + Lower).to_type(float32).MoveToOuterDisposeScope();
    }

    /// <summary>log p(x) = −log(b − a) inside [a, b], −∞ outside.</summary>
    public Tensor LogDensity(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != 1) throw new ArgumentException($"Expected points of shape [n, 1], got [{string.Join(", ", x.shape)}].", nameof(x));
        using var scope = NewDisposeScope();
        var v = x.squeeze(1);
        var inside = v.ge(Lower).logical_and(v.le(Upper));
        var dtype = is_floating_point(x) ? x.dtype : float64;
        return where(inside, full_like(v, -Math.Log(Upper - Lower), dtype: dtype), full_like(v, double.NegativeInfinity, dtype: dtype)).MoveToOuterDisposeScope();
    }
}
