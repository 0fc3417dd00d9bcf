using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>
/// How a deterministic auto-encoder samples: its codes are not shaped like any prior, so a Gaussian N(μ, Σ) is fitted to them and
/// noise z ~ N(0, I) is decoded as x = decoder(μ + L z) with Σ = L Lᵀ (Cholesky). μ and Σ are running averages the trainer updates
/// from the codes of its minibatches (<see cref="Track"/>), so every checkpoint holds the code distribution of its own encoder.
/// </summary>
/// <remarks>Parameter names: <c>decoder.net.…</c> as <see cref="DcganGenerator"/>; buffers <c>code_mean</c> [d] and <c>code_covariance</c> [d, d].</remarks>
public sealed class LatentGaussianDecoder : Module<Tensor, Tensor>
{
    /// <summary>Weight of the newest minibatch in the running code moments: about the last 100 minibatches count.</summary>
    public const double TrackingRate = 0.01;

    /// <summary>Added to Σ's diagonal before the Cholesky factorisation, so directions the codes never use stay factorable.</summary>
    public const double Jitter = 1e-5;

    private readonly DcganGenerator decoder;
    private readonly Tensor code_mean;
    private readonly Tensor code_covariance;

    /// <param name="architecture">The decoder's DCGAN plan (its latent dimension is the code's).</param>
    public LatentGaussianDecoder(DcganArchitecture architecture) : base(nameof(LatentGaussianDecoder))
    {
        decoder = new DcganGenerator(architecture);
        code_mean = zeros(architecture.LatentDim);
        code_covariance = eye(architecture.LatentDim);
        RegisterComponents();
    }

    /// <summary>The decoder: code [m, d] ↦ x [m, C, S, S] in (−1, 1).</summary>
    public DcganGenerator Decoder => decoder;

    /// <summary>μ, the running mean of the codes.</summary>
    public Tensor CodeMean => code_mean;

    /// <summary>Σ, the running covariance of the codes.</summary>
    public Tensor CodeCovariance => code_covariance;

    /// <summary>
    /// Moves the code moments towards those of <paramref name="codes"/> [m, d] (m ≥ 2): μ ← (1 − r) μ + r c̄,
    /// Σ ← (1 − r) Σ + r · (1/(m−1)) Σ_i (c_i − c̄)(c_i − c̄)ᵀ, r = <see cref="TrackingRate"/>.
    /// </summary>
    public void Track(Tensor codes)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var c = codes.detach().to_type(code_mean.dtype);
        var mean = c.mean(new long[] { 0 });                                   // [d]
        var centred = c - mean;                                                // [m, d]
        var covariance = centred.t().matmul(centred) / (c.shape[0] - 1);       // [d, d]
        code_mean.mul_(1 - TrackingRate).add_(mean * TrackingRate);
        code_covariance.mul_(1 - TrackingRate).add_(covariance * TrackingRate);
    }

    /// <summary>z [m, d] ~ N(0, I) ↦ decoder(μ + L z) [m, C, S, S].</summary>
    public override Tensor forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        var d = code_mean.shape[0];
        var l = linalg.cholesky(code_covariance + eye(d, device: code_covariance.device) * Jitter);   // [d, d], Σ = L Lᵀ
        return decoder.forward(code_mean + z.matmul(l.t())).MoveToOuterDisposeScope();
    }
}
