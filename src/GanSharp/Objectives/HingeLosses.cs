using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Objectives;

/// <summary>
/// The hinge game (Lim &amp; Ye 2017, "Geometric GAN"; Miyato et al. 2018, eq. 16–17): D's raw output v is a margin classifier,
/// G raises v on its samples. Pointwise, p·max(0, 1 − v) + q·max(0, 1 + v) is smallest at v* = sign(p − q), where D's loss is
/// 2 − ∫|p − q| = 2 − 2·TV(P_data, P_G): the trained D estimates the total variation distance.
/// </summary>
public static class HingeLosses
{
    /// <summary>D's loss: L_D = E_x[max(0, 1 − v(x))] + E_z[max(0, 1 + v(G(z)))]; ∂L_D/∂v_real = −1/m where v &lt; 1, ∂L_D/∂v_fake = 1/n where v &gt; −1, else 0.</summary>
    public static Tensor DiscriminatorLoss(Tensor realOutputs, Tensor fakeOutputs) =>
        functional.relu(1 - realOutputs).mean() + functional.relu(1 + fakeOutputs).mean();

    /// <summary>G's loss: L_G = −E_z[v(G(z))]; ∂L_G/∂v = −1/n.</summary>
    public static Tensor GeneratorLoss(Tensor fakeOutputs) => -fakeOutputs.mean();
}
