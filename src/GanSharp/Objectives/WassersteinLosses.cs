using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanSharp.Objectives;

/// <summary>
/// Wasserstein GAN (Arjovsky et al. 2017): by Kantorovich–Rubinstein duality W₁(P, Q) = sup_{‖f‖_L ≤ 1} E_P[f(x)] − E_Q[f(x)].
/// The critic f is D's raw output (no sigmoid); it is kept Lipschitz by clipping its weights (<see cref="ClipWeights"/>) or by the
/// gradient penalty of Gulrajani et al. 2017 (<see cref="GradientPenalties.Wasserstein"/>). Its value estimates K·W₁ for some K.
/// </summary>
public static class WassersteinLosses
{
    /// <summary>The minibatch estimate of the dual objective Ŵ = mean f(x_real) − mean f(x_fake) (≤ K·W₁ for a K-Lipschitz f).</summary>
    public static Tensor Value(Tensor realOutputs, Tensor fakeOutputs) => realOutputs.mean() - fakeOutputs.mean();

    /// <summary>The critic's loss −Ŵ (Arjovsky et al. 2017, Algorithm 1).</summary>
    /// <remarks>L_D = mean f(G(z)) − mean f(x); ∂L_D/∂f(x_i) = −1/m, ∂L_D/∂f(G(z_j)) = 1/n.</remarks>
    public static Tensor CriticLoss(Tensor realOutputs, Tensor fakeOutputs) => fakeOutputs.mean() - realOutputs.mean();

    /// <summary>G's loss (Arjovsky et al. 2017, Algorithm 1): L_G = −E_z[f(G(z))]; ∂L_G/∂f(G(z_j)) = −1/n, whatever f's value.</summary>
    public static Tensor GeneratorLoss(Tensor fakeOutputs) => -fakeOutputs.mean();

    /// <summary>Clips every weight of the critic into [−c, c] (Arjovsky et al. 2017, Algorithm 1, after each critic step), in place.</summary>
    /// <remarks>A compact weight space makes the family of critics K-Lipschitz for some K that depends on c and the architecture.</remarks>
    public static void ClipWeights(IEnumerable<Parameter> parameters, double c)
    {
        using var _ = no_grad();
        foreach (var p in parameters) p.clamp_(-c, c);
    }
}
