using static TorchSharp.torch;

namespace GanSharp.Theory;

/// <summary>The 1D Gaussian family N(μ, σ²) as differentiable tensors: the P_G of an affine generator x = μ + σz, z ~ N(0, 1).</summary>
public static class GaussianDensity
{
    /// <summary>log N(x; μ, σ²) = −½((x − μ)/σ)² − log σ − ½ log 2π, with σ = exp(log σ); differentiable in μ and log σ.</summary>
    public static Tensor Log(Tensor x, Tensor mean, Tensor logStddev) =>
        -0.5 * ((x - mean) / logStddev.exp()).pow(2) - logStddev - 0.5 * Math.Log(2 * Math.PI);
}
