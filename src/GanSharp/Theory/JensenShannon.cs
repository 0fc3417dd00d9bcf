using GanSharp.Distributions;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Theory;

/// <summary>
/// Jensen–Shannon divergence JSD(P‖Q) = ½ KL(P‖M) + ½ KL(Q‖M) with M = (P + Q)/2, in nats; 0 ≤ JSD ≤ log 2,
/// with log 2 exactly when the supports are disjoint (Lin 1991; Goodfellow et al. 2014, Theorem 1).
/// </summary>
public static class JensenShannon
{
    /// <summary>JSD(P‖Q) from log-densities on a grid (differentiable); log M = logaddexp(log p, log q) − log 2.</summary>
    public static Tensor Quadrature(Tensor logP, Tensor logQ, QuadratureGrid grid)
    {
        using var scope = NewDisposeScope();
        var logM = logaddexp(logP, logQ) - Math.Log(2);
        var value = 0.5 * KlDivergence.Quadrature(logP, logM, grid) + 0.5 * KlDivergence.Quadrature(logQ, logM, grid);
        return value.MoveToOuterDisposeScope();
    }

    /// <summary>JSD(P‖Q) by quadrature on <paramref name="grid"/> for two distributions with known densities.</summary>
    public static double Quadrature(ITargetDistribution p, ITargetDistribution q, QuadratureGrid grid)
    {
        using var scope = NewDisposeScope();
        var x = grid.Points();
        return Quadrature(p.LogDensity(x), q.LogDensity(x), grid).item<double>();
    }

    /// <summary>
    /// JSD(P‖Q) ≈ ½ mean_{x~P}[log 2 − softplus(log q − log p)] + ½ mean_{y~Q}[log 2 − softplus(log p − log q)],
    /// n draws from each, with its standard error.
    /// </summary>
    public static Estimate MonteCarlo(ITargetDistribution p, ITargetDistribution q, int n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        var x = p.Sample(n, stream).to_type(float64);
        var y = q.Sample(n, stream).to_type(float64);
        var fromP = (Math.Log(2) - functional.softplus(q.LogDensity(x) - p.LogDensity(x))).data<double>().ToArray();
        var fromQ = (Math.Log(2) - functional.softplus(p.LogDensity(y) - q.LogDensity(y))).data<double>().ToArray();
        var a = Estimate.OfMean(fromP);
        var b = Estimate.OfMean(fromQ);
        return new Estimate(0.5 * (a.Value + b.Value), 0.5 * Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError));
    }
}
