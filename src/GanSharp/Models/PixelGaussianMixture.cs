using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// A Gaussian mixture over the pixels of images with diagonal covariances, q(x) = Σ_k w_k N(x; μ_k, diag(v_k)), the maximum-likelihood
/// baseline the lecture sets GANs against; fitted by EM (<see cref="EmStep"/>) and sampled directly.
/// </summary>
/// <remarks>
/// As a module it is a sampler like a GAN's G, so checkpoints, <c>gansharp sample</c> and <c>eval</c> use it unchanged: z ~ N(0, I) of
/// dimension D + 1 (D = C·S·S) picks component k by its first coordinate (u = Φ(z₀) falls in the k-th slice of the cumulative weights)
/// and the rest is the pixel noise, x = clamp(μ_k + √v_k ⊙ z₁…D, −1, 1).
/// Buffers (float64): <c>log_weights</c> [K], <c>means</c> [K, D], <c>variances</c> [K, D].
/// </remarks>
public sealed class PixelGaussianMixture : Module<Tensor, Tensor>
{
    /// <summary>
    /// Smallest variance a pixel may have (pixels in [−1, 1]): border pixels are −1 in every image, and a zero variance would make the
    /// likelihood unbounded. The M-step's variance is the larger of this and the weighted sample variance, which is still the
    /// constrained maximiser, so EM stays monotone.
    /// </summary>
    public const double VarianceFloor = 1e-3;

    /// <summary>Rows per chunk of the E-step, so its [rows, K] and [rows, D] temporaries stay tens of megabytes.</summary>
    public const int ChunkRows = 4096;

    private readonly long[] _imageShape;
    private readonly Tensor log_weights;
    private readonly Tensor means;
    private readonly Tensor variances;

    /// <param name="components">K.</param>
    /// <param name="imageShape">[C, S, S].</param>
    public PixelGaussianMixture(int components, long[] imageShape) : base(nameof(PixelGaussianMixture))
    {
        if (components < 1) throw new ArgumentOutOfRangeException(nameof(components), components, "A mixture needs at least one component.");
        _imageShape = imageShape.ToArray();
        long d = imageShape.Aggregate(1L, (a, b) => a * b);
        log_weights = full(components, -Math.Log(components), dtype: float64);
        means = zeros(components, d, dtype: float64);
        variances = ones(components, d, dtype: float64);
        RegisterComponents();
    }

    /// <summary>K.</summary>
    public int Components => (int)log_weights.shape[0];

    /// <summary>D = C·S·S.</summary>
    public long Dimension => means.shape[1];

    /// <summary>The noise dimension of <see cref="forward"/>: D + 1.</summary>
    public long LatentDim => Dimension + 1;

    /// <summary>log w [K].</summary>
    public Tensor LogWeights => log_weights;

    /// <summary>μ [K, D].</summary>
    public Tensor Means => means;

    /// <summary>v [K, D].</summary>
    public Tensor Variances => variances;

    /// <summary>
    /// The starting point of EM: K distinct images drawn with <paramref name="stream"/> as the means, every component with the pixels' variance
    /// over <paramref name="images"/> (at least <see cref="VarianceFloor"/>), equal weights.
    /// </summary>
    public void Initialize(Tensor images, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = Flatten(images);                                                          // [N, D]
        if (x.shape[0] < Components) throw new ArgumentException($"EM needs at least K = {Components} images (got {x.shape[0]}).", nameof(images));
        var chosen = randperm(x.shape[0], generator: stream).narrow(0, 0, Components);
        means.copy_(x.index_select(0, chosen));
        variances.copy_(x.var(0L).clamp_min(VarianceFloor).expand(Components, -1));
        log_weights.fill_(-Math.Log(Components));
    }

    /// <summary>
    /// log w_k + log N(x_i; μ_k, diag(v_k)) = log w_k − ½ Σ_j [log(2π v_kj) + (x_ij − μ_kj)² / v_kj] for the rows of <paramref name="x"/> [n, D]: [n, K], float64.
    /// </summary>
    public Tensor LogJoint(Tensor x)
    {
        using var scope = NewDisposeScope();
        var x64 = x.to_type(float64);
        var precision = variances.reciprocal();                                           // [K, D]
        // Σ_j (x_j − μ_j)² / v_j = x² · (1/v) − 2 x · (μ/v) + Σ_j μ_j² / v_j, as matrix products over the K components.
        var quadratic = x64.square().matmul(precision.t()) - 2 * x64.matmul((means * precision).t()) + (means.square() * precision).sum(1);   // [n, K]
        var logNormaliser = (variances * (2 * Math.PI)).log().sum(1);                     // [K]
        return (log_weights - 0.5 * (logNormaliser + quadratic)).MoveToOuterDisposeScope();
    }

    /// <summary>log q(x_i) = logsumexp_k (<see cref="LogJoint"/>) for images [n, C, S, S]: [n], float64.</summary>
    public Tensor LogLikelihood(Tensor images)
    {
        using var scope = NewDisposeScope();
        return LogJoint(Flatten(images)).logsumexp(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One EM iteration (Dempster, Laird &amp; Rubin 1977) on <paramref name="images"/> [N, C, S, S]; returns (1/N) Σ_i log q(x_i) under the
    /// parameters before it, which no iteration lowers.
    /// </summary>
    /// <remarks>
    /// E-step: r_ik = w_k N(x_i; μ_k, v_k) / q(x_i). M-step: n_k = Σ_i r_ik, w_k = n_k / N, μ_k = Σ_i r_ik x_i / n_k,
    /// v_kj = max(floor, Σ_i r_ik x_ij² / n_k − μ_kj²). The sums are accumulated over chunks of rows.
    /// </remarks>
    public double EmStep(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = Flatten(images);                                                          // [N, D]
        long n = x.shape[0];
        var counts = zeros(Components, dtype: float64);                                   // Σ_i r_ik
        var firstMoments = zeros(Components, Dimension, dtype: float64);                  // Σ_i r_ik x_i
        var secondMoments = zeros(Components, Dimension, dtype: float64);                 // Σ_i r_ik x_i²
        double logLikelihood = 0;
        for (long start = 0; start < n; start += ChunkRows)
        {
            using var chunkScope = NewDisposeScope();
            var chunk = x.narrow(0, start, Math.Min(ChunkRows, n - start)).to_type(float64);   // [c, D]
            var logJoint = LogJoint(chunk);                                               // [c, K]
            var logQ = logJoint.logsumexp(1, keepdim: true);                              // [c, 1]
            logLikelihood += logQ.sum().item<double>();
            var r = (logJoint - logQ).exp();                                              // [c, K]
            counts.add_(r.sum(0L));
            firstMoments.add_(r.t().matmul(chunk));
            secondMoments.add_(r.t().matmul(chunk.square()));
        }
        var safeCounts = counts.clamp_min(1e-300).unsqueeze(1);                           // [K, 1]
        var newMeans = firstMoments / safeCounts;
        log_weights.copy_((counts / n).log());
        means.copy_(newMeans);
        variances.copy_((secondMoments / safeCounts - newMeans.square()).clamp_min(VarianceFloor));
        return logLikelihood / n;
    }

    /// <summary>z [m, D + 1] ~ N(0, I) ↦ images [m, C, S, S] in [−1, 1] (float32): component by Φ(z₀), pixels μ_k + √v_k ⊙ z₁…D.</summary>
    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        var z64 = z.to_type(float64);
        var u = (special.erf(z64.select(1, 0) / Math.Sqrt(2)) + 1) / 2;                 // Φ(z₀) [m]
        var cumulative = log_weights.exp().cumsum(0);                                     // [K]
        var k = (u.unsqueeze(1) > cumulative.unsqueeze(0)).sum(1).clamp_max(Components - 1);   // [m]: slices below u
        var noise = z64.narrow(1, 1, Dimension);                                          // [m, D]
        var x = means.index_select(0, k) + variances.index_select(0, k).sqrt() * noise;   // [m, D]
        var shape = new[] { z.shape[0] }.Concat(_imageShape).ToArray();
        return x.clamp(-1, 1).to_type(float32).reshape(shape).MoveToOuterDisposeScope();
    }

    private static Tensor Flatten(Tensor images) => images.reshape(images.shape[0], -1);   // [N, C, S, S] → [N, D]
}
