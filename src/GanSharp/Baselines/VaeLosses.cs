using static TorchSharp.torch;

namespace GanSharp.Baselines;

/// <summary>
/// The loss of a variational auto-encoder (Kingma &amp; Welling 2014, "Auto-Encoding Variational Bayes", §3 and Appendix B): the negative
/// evidence lower bound with a Bernoulli decoder over pixel intensities and a diagonal Gaussian encoder q(c|x) = N(m, diag(exp(σ))²).
/// Images are in [−1, 1]; intensities y = (x + 1)/2 and decoder means p = (x̂ + 1)/2 are in [0, 1].
/// </summary>
public static class VaeLosses
{
    /// <summary>Decoder means are kept in [ε, 1 − ε] so a saturated tanh gives a large, finite log-likelihood.</summary>
    public const double ProbabilityFloor = 1e-6;

    /// <summary>
    /// −log p(x|c) = −Σ_j [y_j log p_j + (1 − y_j) log(1 − p_j)] per image, averaged over the m images of <paramref name="x"/> and
    /// <paramref name="reconstruction"/> (both [m, C, S, S] in [−1, 1]).
    /// </summary>
    public static Tensor BernoulliReconstruction(Tensor x, Tensor reconstruction)
    {
        using var scope = NewDisposeScope();
        var y = (x + 1) / 2;
        var p = ((reconstruction + 1) / 2).clamp(ProbabilityFloor, 1 - ProbabilityFloor);
        var perPixel = -(y * p.log() + (1 - y) * (1 - p).log());
        return (perPixel.sum() / x.shape[0]).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// KL(N(m, diag(e^{2σ})) ‖ N(0, I)) = ½ Σ_k (m_k² + e^{2σ_k} − 1 − 2σ_k) per image (Kingma &amp; Welling, Appendix B), averaged over the
    /// m rows of <paramref name="mean"/> and <paramref name="logStd"/> ([m, d]; σ = log standard deviation).
    /// </summary>
    public static Tensor KlToStandardNormal(Tensor mean, Tensor logStd)
    {
        using var scope = NewDisposeScope();
        var perDim = (mean.square() + (2 * logStd).exp() - 1 - 2 * logStd) / 2;
        return (perDim.sum() / mean.shape[0]).MoveToOuterDisposeScope();
    }

    /// <summary>The negative ELBO per image: <see cref="BernoulliReconstruction"/> + <see cref="KlToStandardNormal"/>, in nats.</summary>
    public static Tensor NegativeElbo(Tensor x, Tensor reconstruction, Tensor mean, Tensor logStd)
    {
        using var scope = NewDisposeScope();
        return (BernoulliReconstruction(x, reconstruction) + KlToStandardNormal(mean, logStd)).MoveToOuterDisposeScope();
    }

    /// <summary>The auto-encoder's loss: Σ_j (x_j − x̂_j)² per image, averaged over the m images (both [m, C, S, S]).</summary>
    public static Tensor SquaredError(Tensor x, Tensor reconstruction)
    {
        using var scope = NewDisposeScope();
        return ((x - reconstruction).square().sum() / x.shape[0]).MoveToOuterDisposeScope();
    }
}
