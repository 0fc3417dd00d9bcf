using static TorchSharp.torch;

namespace GanSharp.Objectives;

/// <summary>
/// Penalties on the gradient of D's raw output with respect to its input, added to D's loss. The gradient is taken with
/// <c>create_graph</c>, so that D's step differentiates through it (a second-order term).
/// </summary>
public static class GradientPenalties
{
    /// <summary>∇_x Σ_i v(x_i) [m, ...]: row i is the gradient of D's output at x_i (the samples do not interact in D).</summary>
    /// <param name="outputs">D's raw outputs v [m], computed from <paramref name="inputs"/>.</param>
    /// <param name="inputs">D's inputs [m, ...], which require gradients.</param>
    public static Tensor InputGradient(Tensor outputs, Tensor inputs) =>
        autograd.grad(new[] { outputs.sum() }, new[] { inputs }, retain_graph: true, create_graph: true)[0];

    /// <summary>The points x̂ = ε x + (1 − ε) x̃ on straight lines between data and generated samples, ε ~ U[0, 1] per sample (Gulrajani et al. 2017, Algorithm 1).</summary>
    /// <param name="real">x [m, ...].</param>
    /// <param name="fake">x̃ = G(z) [m, ...].</param>
    /// <param name="epsilon">ε [m], one per pair.</param>
    public static Tensor Interpolate(Tensor real, Tensor fake, Tensor epsilon)
    {
        var e = epsilon.reshape(new[] { epsilon.shape[0] }.Concat(Enumerable.Repeat(1L, (int)real.dim() - 1)).ToArray());   // [m] → [m, 1, …]
        return e * real + (1 - e) * fake;
    }

    /// <summary>WGAN-GP's two-sided penalty (Gulrajani et al. 2017, eq. 3): λ · mean_i (‖∇f(x̂_i)‖₂ − 1)².</summary>
    /// <param name="gradients">∇f at the interpolates [m, ...] (<see cref="InputGradient"/>).</param>
    /// <param name="lambda">λ (10 in the paper).</param>
    /// <remarks>∂/∂g_i = 2λ(‖g_i‖ − 1) g_i / (m ‖g_i‖); the norm is taken as √(‖g‖² + 10⁻¹²) so that a zero gradient has a finite derivative.</remarks>
    public static Tensor Wasserstein(Tensor gradients, double lambda) =>
        lambda * ((gradients.flatten(1).pow(2).sum(1) + 1e-12).sqrt() - 1).pow(2).mean();

    /// <summary>The R1 penalty on data (Mescheder et al. 2018, eq. 9): γ/2 · mean_i ‖∇_x v(x_i)‖₂², x_i ~ P_data.</summary>
    /// <param name="gradients">∇_x v at data points [m, ...] (<see cref="InputGradient"/>).</param>
    /// <param name="gamma">γ.</param>
    /// <remarks>It pushes D towards zero slope on the data, where the game's equilibrium needs it; ∂/∂g_i = γ g_i / m.</remarks>
    public static Tensor R1(Tensor gradients, double gamma) =>
        gamma / 2 * gradients.flatten(1).pow(2).sum(1).mean();
}
