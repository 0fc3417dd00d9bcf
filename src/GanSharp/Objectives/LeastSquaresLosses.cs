using static TorchSharp.torch;

namespace GanSharp.Objectives;

/// <summary>
/// Least squares GAN (Mao et al. 2017, eq. 2 with the 0-1 coding a = 0, b = c = 1 of their experiments): D's raw output v regresses
/// data to 1 and G(z) to 0; G regresses v(G(z)) to 1. The quadratic loss keeps pushing samples that D already classifies
/// correctly but that lie far from the data, where the sigmoid cross-entropy has saturated.
/// </summary>
/// <remarks>
/// For a fixed G the best D is D*(x) = p_data/(p_data + p_G). With the coding b − c = 1, b − a = 2 Mao et al. show that G then
/// minimises the Pearson χ² divergence χ²(P_data + P_G ‖ 2P_G); the 0-1 coding used here has the same optimum P_G = P_data.
/// </remarks>
public static class LeastSquaresLosses
{
    /// <summary>D's loss: L_D = ½ E_x[(v(x) − 1)²] + ½ E_z[v(G(z))²]; ∂L_D/∂v_real = (v − 1)/m, ∂L_D/∂v_fake = v/n.</summary>
    public static Tensor DiscriminatorLoss(Tensor realOutputs, Tensor fakeOutputs) =>
        0.5 * (realOutputs - 1).pow(2).mean() + 0.5 * fakeOutputs.pow(2).mean();

    /// <summary>G's loss: L_G = ½ E_z[(v(G(z)) − 1)²]; ∂L_G/∂v = (v − 1)/n.</summary>
    public static Tensor GeneratorLoss(Tensor fakeOutputs) => 0.5 * (fakeOutputs - 1).pow(2).mean();
}
