using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Theory;

/// <summary>Kullback–Leibler divergence KL(P‖Q) = ∫ p(x) log(p(x) / q(x)) dx, in nats (Kullback &amp; Leibler 1951).</summary>
public static class KlDivergence
{
    /// <summary>KL(P‖Q) ≈ ΔV Σ_i p(x_i) (log p(x_i) − log q(x_i)) from log-densities on a grid (differentiable).</summary>
    /// <remarks>Cells where p = 0 contribute 0 (the convention 0 log 0 = 0); where q = 0 and p &gt; 0 the result is +∞.</remarks>
    public static Tensor Quadrature(Tensor logP, Tensor logQ, QuadratureGrid grid)
    {
        using var scope = NewDisposeScope();
        var p = logP.exp();
        var terms = where(p > 0, p * (logP - logQ), zeros_like(p));
        return grid.Integrate(terms).MoveToOuterDisposeScope();
    }

    /// <summary>KL(P‖Q) by quadrature on <paramref name="grid"/> for two distributions with known densities.</summary>
    public static double Quadrature(ITargetDistribution p, ITargetDistribution q, QuadratureGrid grid)
    {
        using var scope = NewDisposeScope();
        var x = grid.Points();
        return Quadrature(p.LogDensity(x), q.LogDensity(x), grid).item<double>();
    }

    /// <summary>KL(P‖Q) ≈ (1/n) Σ_i [log p(x_i) − log q(x_i)], x_i ~ P, with its standard error.</summary>
    public static Estimate MonteCarlo(ITargetDistribution p, ITargetDistribution q, int n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        var x = p.Sample(n, stream).to_type(float64);
        var terms = (p.LogDensity(x) - q.LogDensity(x)).data<double>().ToArray();
        return Estimate.OfMean(terms);
    }
}
