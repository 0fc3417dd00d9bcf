using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>Improved precision and recall of a generative model (Kynkäänniemi et al. 2019, NeurIPS).</summary>
/// <param name="Precision">Fraction of generated samples inside the real manifold: how many samples look real.</param>
/// <param name="Recall">Fraction of real samples inside the generated manifold: how much of the data the model covers.</param>
public sealed record PrecisionRecall(double Precision, double Recall)
{
    /// <summary>The paper's neighbour rank.</summary>
    public const int DefaultK = 3;

    /// <summary>
    /// precision = (1/M) Σ_j 1[∃ i : ‖y_j − x_i‖ ≤ NND_k(x_i)] and recall = (1/N) Σ_i 1[∃ j : ‖x_i − y_j‖ ≤ NND_k(y_j)],
    /// for real features x ([N, d]) and generated features y ([M, d]), NND_k the distance to the k-th nearest neighbour within a set.
    /// </summary>
    public static PrecisionRecall Compute(Tensor real, Tensor generated, int k = DefaultK)
    {
        using var realManifold = KnnManifold.Build(real, k);
        using var generatedManifold = KnnManifold.Build(generated, k);
        return Compute(realManifold, generatedManifold);
    }

    /// <summary>Precision and recall from manifolds already built (so a fixed real set is indexed once).</summary>
    public static PrecisionRecall Compute(KnnManifold real, KnnManifold generated)
    {
        using var scope = NewDisposeScope();
        double precision = (real.CountContaining(generated.Points) > 0).to_type(float64).mean().item<double>();
        double recall = (generated.CountContaining(real.Points) > 0).to_type(float64).mean().item<double>();
        return new PrecisionRecall(precision, recall);
    }
}
