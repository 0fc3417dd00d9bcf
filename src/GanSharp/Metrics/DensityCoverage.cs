using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>Density and coverage of a generative model (Naeem et al. 2020, ICML, "Reliable Fidelity and Diversity Metrics").</summary>
/// <param name="Density">How many real-sample balls a generated sample falls into, on average, relative to k; about 1 when the distributions match, unbounded above.</param>
/// <param name="Coverage">Fraction of real-sample balls that contain at least one generated sample; in [0, 1].</param>
public sealed record DensityCoverage(double Density, double Coverage)
{
    /// <summary>The paper's neighbour rank.</summary>
    public const int DefaultK = 5;

    /// <summary>
    /// density = (1/(kM)) Σ_j Σ_i 1[y_j ∈ B(x_i, NND_k(x_i))] and coverage = (1/N) Σ_i 1[∃ j : y_j ∈ B(x_i, NND_k(x_i))],
    /// for real features x ([N, d]) and generated features y ([M, d]). Only the real set's balls are used,
    /// which makes both robust to outliers among the generated samples.
    /// </summary>
    public static DensityCoverage Compute(Tensor real, Tensor generated, int k = DefaultK)
    {
        using var realManifold = KnnManifold.Build(real, k);
        return Compute(realManifold, generated);
    }

    /// <summary>Density and coverage against a real manifold already built.</summary>
    public static DensityCoverage Compute(KnnManifold real, Tensor generated)
    {
        using var scope = NewDisposeScope();
        long m = generated.shape[0];
        if (m == 0) throw new ArgumentException("At least one generated sample is needed.", nameof(generated));
        double density = real.CountContaining(generated).sum().to_type(float64).item<double>() / ((double)real.K * m);
        double coverage = real.ContainsAny(generated).to_type(float64).mean().item<double>();
        return new DensityCoverage(density, coverage);
    }
}
