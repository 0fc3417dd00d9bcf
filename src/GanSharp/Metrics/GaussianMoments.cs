using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>Mean and covariance of a feature matrix, in float64: the Gaussian that the Fréchet distance compares.</summary>
public sealed class GaussianMoments : IDisposable
{
    private GaussianMoments(Tensor mean, Tensor covariance, long sampleCount)
    {
        Mean = mean;
        Covariance = covariance;
        SampleCount = sampleCount;
    }

    /// <summary>μ, shape [d], float64.</summary>
    public Tensor Mean { get; }

    /// <summary>Σ, shape [d, d], float64.</summary>
    public Tensor Covariance { get; }

    /// <summary>Number of rows the moments were estimated from.</summary>
    public long SampleCount { get; }

    /// <summary>Feature dimension d.</summary>
    public long Dimension => Mean.shape[0];

    /// <summary>Wraps a given mean [d] and covariance [d, d] (copied to float64 on the CPU).</summary>
    public static GaussianMoments FromParameters(Tensor mean, Tensor covariance)
    {
        if (mean.dim() != 1) throw new ArgumentException($"The mean must have shape [d], got [{string.Join(", ", mean.shape)}].", nameof(mean));
        long d = mean.shape[0];
        if (covariance.dim() != 2 || covariance.shape[0] != d || covariance.shape[1] != d)
            throw new ArgumentException($"The covariance must have shape [{d}, {d}], got [{string.Join(", ", covariance.shape)}].", nameof(covariance));
        return new GaussianMoments(mean.to_type(float64).cpu().clone(), covariance.to_type(float64).cpu().clone(), 0);
    }

    /// <summary>
    /// Sample mean μ̂ = (1/n) Σ_i x_i and unbiased covariance Σ̂ = (1/(n−1)) Σ_i (x_i − μ̂)(x_i − μ̂)ᵀ of <paramref name="features"/> ([n, d], n ≥ 2).
    /// </summary>
    public static GaussianMoments Of(Tensor features)
    {
        if (features.dim() != 2) throw new ArgumentException($"Features must have shape [n, d], got [{string.Join(", ", features.shape)}].", nameof(features));
        long n = features.shape[0];
        if (n < 2) throw new ArgumentException($"A covariance needs at least 2 samples, got {n}.", nameof(features));
        using var scope = NewDisposeScope();
        var x = features.to_type(float64).cpu();
        var mean = x.mean(new long[] { 0 });                                   // [d]
        var centred = x - mean;                                                // [n, d]
        var covariance = centred.t().matmul(centred) / (n - 1);                // [d, d]
        return new GaussianMoments(mean.MoveToOuterDisposeScope(), covariance.MoveToOuterDisposeScope(), n);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Mean.Dispose();
        Covariance.Dispose();
    }
}
