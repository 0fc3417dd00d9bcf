using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Theory;

/// <summary>The result of fitting a Gaussian mixture by EM.</summary>
/// <param name="Model">The mixture after the last iteration.</param>
/// <param name="MeanLogLikelihood">(1/n) Σ_i log q(x_i) of the training samples after each iteration (index 0: the initial model).</param>
/// <param name="Models">The mixture after each iteration (index 0: the initial model).</param>
public sealed record EmFit(GaussianMixture Model, IReadOnlyList<double> MeanLogLikelihood, IReadOnlyList<GaussianMixture> Models);

/// <summary>
/// Maximum-likelihood fitting of an isotropic Gaussian mixture by expectation–maximisation
/// (Dempster, Laird &amp; Rubin 1977). Each iteration cannot lower the mean log-likelihood.
/// </summary>
/// <remarks>
/// E-step: r_ik = w_k N(x_i; μ_k, σ_k² I) / Σ_j w_j N(x_i; μ_j, σ_j² I).
/// M-step: w_k = (1/n) Σ_i r_ik, μ_k = Σ_i r_ik x_i / Σ_i r_ik, σ_k² = Σ_i r_ik ‖x_i − μ_k‖² / (d Σ_i r_ik).
/// Starts from k-means++ seeding of the means (Arthur &amp; Vassilvitskii 2007), the pooled variance and equal weights.
/// </remarks>
public static class GaussianMixtureEm
{
    /// <summary>Smallest variance allowed, so a component cannot collapse onto one point.</summary>
    public const double VarianceFloor = 1e-6;

    /// <summary>Fits K components to <paramref name="samples"/> ([n, d]) with <paramref name="iterations"/> EM steps.</summary>
    public static EmFit Fit(Tensor samples, int components, int iterations, RandomStream stream)
    {
        if (samples.dim() != 2 || samples.shape[0] < components) throw new ArgumentException($"EM needs samples of shape [n ≥ K, d] (got [{string.Join(", ", samples.shape)}], K = {components}).", nameof(samples));
        if (components < 1) throw new ArgumentException("EM needs at least one component.", nameof(components));
        if (iterations < 1) throw new ArgumentException("EM needs at least one iteration.", nameof(iterations));
        using var scope = NewDisposeScope();
        var x = samples.to_type(float64).cpu();                                           // [n, d]
        long n = x.shape[0];
        int d = (int)x.shape[1];
        var means = SeedMeans(x, components, stream);                                  // [K, d]
        var variances = full(new long[] { components }, x.var(0L).mean().item<double>(), dtype: float64);  // [K]
        var weights = full(new long[] { components }, 1.0 / components, dtype: float64);                 // [K]

        var models = new List<GaussianMixture> { ToMixture(means, variances, weights) };
        var logLikelihood = new List<double>();
        for (int it = 0; it < iterations; it++)
        {
            var logJoint = LogJoint(x, means, variances, weights);                        // [n, K]
            var logNorm = logJoint.logsumexp(1, keepdim: true);                           // [n, 1]
            if (it == 0) logLikelihood.Add(logNorm.mean().item<double>());
            var r = (logJoint - logNorm).exp();                                           // [n, K]
            var nk = r.sum(0L) + 1e-12;                                                    // [K]
            weights = nk / n;
            means = r.t().matmul(x) / nk.unsqueeze(1);
            var sq = (x.unsqueeze(1) - means.unsqueeze(0)).pow(2).sum(2);                 // [n, K]
            variances = ((r * sq).sum(0L) / (d * nk)).clamp_min(VarianceFloor);
            models.Add(ToMixture(means, variances, weights));
            logLikelihood.Add(LogJoint(x, means, variances, weights).logsumexp(1).mean().item<double>());
        }
        return new EmFit(models[^1], logLikelihood, models);
    }

    /// <summary>k-means++: the first mean is a random sample, each next one a sample drawn with probability ∝ its squared distance to the nearest mean so far.</summary>
    private static Tensor SeedMeans(Tensor x, int components, RandomStream stream)
    {
        var chosen = new List<Tensor> { x[randint(0, x.shape[0], new long[] { 1 }, dtype: int64, generator: stream)] };
        for (int k = 1; k < components; k++)
        {
            var nearest = cdist(x, cat(chosen, 0)).min(1).values.pow(2);                 // [n]
            var index = multinomial(nearest + 1e-300, 1, generator: stream);
            chosen.Add(x.index_select(0, index));
        }
        return cat(chosen, 0);
    }

    private static Tensor LogJoint(Tensor x, Tensor means, Tensor variances, Tensor weights)
    {
        int d = (int)x.shape[1];
        var sq = (x.unsqueeze(1) - means.unsqueeze(0)).pow(2).sum(2);                     // [n, K]
        return weights.log() - 0.5 * d * (variances * (2 * Math.PI)).log() - sq / (2 * variances);
    }

    private static GaussianMixture ToMixture(Tensor means, Tensor variances, Tensor weights)
    {
        int k = (int)means.shape[0];
        var mu = means.data<double>().ToArray();
        int d = mu.Length / k;
        var m = Enumerable.Range(0, k).Select(i => mu.Skip(i * d).Take(d).ToArray()).ToArray();
        return new GaussianMixture($"EM K={k}", m, variances.sqrt().data<double>().ToArray(), weights.data<double>().ToArray());
    }
}
