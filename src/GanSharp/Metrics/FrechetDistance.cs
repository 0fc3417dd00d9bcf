using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>
/// Fréchet (2-Wasserstein) distance between two Gaussians fitted to feature sets
/// (Dowson &amp; Landau 1982; used as FID by Heusel et al. 2017).
/// </summary>
public static class FrechetDistance
{
    /// <summary>
    /// FD = ‖μ₁ − μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr (Σ₁^½ Σ₂ Σ₁^½)^½, in float64.
    /// </summary>
    /// <remarks>
    /// tr (Σ₁Σ₂)^½ equals tr (Σ₁^½ Σ₂ Σ₁^½)^½, and the second form is a symmetric positive semi-definite matrix,
    /// so both square roots come from symmetric eigendecompositions (eigh), with round-off negative eigenvalues
    /// clamped to 0. This stays finite for singular covariances (fewer samples than features, a repeated image),
    /// where the general matrix square root of Σ₁Σ₂ used by many FID scripts turns complex.
    /// The result is clamped at 0, which it is mathematically.
    /// </remarks>
    public static double Compute(GaussianMoments first, GaussianMoments second)
    {
        if (first.Dimension != second.Dimension)
            throw new ArgumentException($"Both Gaussians need the same dimension, got {first.Dimension} and {second.Dimension}.", nameof(second));
        using var scope = NewDisposeScope();
        var meanTerm = (first.Mean - second.Mean).square().sum().item<double>();
        var rootFirst = SymmetricSquareRoot(first.Covariance);
        var product = rootFirst.matmul(second.Covariance).matmul(rootFirst);
        var symmetric = (product + product.t()) / 2;
        var eigenvalues = linalg.eigvalsh(symmetric).clamp_min(0);
        var crossTerm = eigenvalues.sqrt().sum().item<double>();
        var traces = first.Covariance.trace().item<double>() + second.Covariance.trace().item<double>();
        return Math.Max(0, meanTerm + traces - 2 * crossTerm);
    }

    /// <summary>FD between Gaussians fitted to <paramref name="first"/> and <paramref name="second"/> (each [n, d]).</summary>
    public static double Between(Tensor first, Tensor second)
    {
        using var a = GaussianMoments.Of(first);
        using var b = GaussianMoments.Of(second);
        return Compute(a, b);
    }

    /// <summary>Σ^½ = Q diag(√max(λ, 0)) Qᵀ from Σ = Q diag(λ) Qᵀ, for a symmetric positive semi-definite Σ.</summary>
    private static Tensor SymmetricSquareRoot(Tensor matrix)
    {
        var symmetric = (matrix + matrix.t()) / 2;
        var (eigenvalues, eigenvectors) = linalg.eigh(symmetric);
        var roots = eigenvalues.clamp_min(0).sqrt();                           // [d]
        return (eigenvectors * roots).matmul(eigenvectors.t());                // Q diag(√λ) Qᵀ
    }
}
