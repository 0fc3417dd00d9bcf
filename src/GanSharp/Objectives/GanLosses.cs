using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Objectives;

/// <summary>
/// The losses of the GAN game, written on discriminator logits l with D = σ(l), in the stable
/// forms log σ(l) = −softplus(−l) and log(1 − σ(l)) = −softplus(l).
/// </summary>
/// <remarks>
/// Goodfellow et al. (2014): min_G max_D V(G, D) = E_{x~P_data}[log D(x)] + E_{z~p_z}[log(1 − D(G(z)))]. For a fixed G the best D
/// reaches max_D V = 2·JSD(P_data‖P_G) − log 4 (Theorem 1): this is the Jensen–Shannon member of the f-GAN family
/// (<see cref="FGanLosses"/>), shifted by log 4. <see cref="ObjectiveLosses"/> picks these losses for <see cref="GanObjective.Minimax"/>
/// and <see cref="GanObjective.NonSaturating"/>.
/// </remarks>
public static class GanLosses
{
    /// <summary>log D(x) per sample, from D's logits.</summary>
    /// <remarks>log D = log σ(l) = −softplus(−l), finite for every l.</remarks>
    public static Tensor LogD(Tensor logits) => -functional.softplus(-logits);

    /// <summary>log(1 − D(x)) per sample, from D's logits.</summary>
    /// <remarks>log(1 − D) = log σ(−l) = −softplus(l), finite for every l.</remarks>
    public static Tensor LogOneMinusD(Tensor logits) => -functional.softplus(logits);

    /// <summary>Minibatch estimate of the value function.</summary>
    /// <remarks>V̂ = mean_i log D(x_i) + mean_j log(1 − D(G(z_j))) = −mean softplus(−l_real) − mean softplus(l_fake).</remarks>
    public static Tensor Value(Tensor realLogits, Tensor fakeLogits) =>
        -functional.softplus(-realLogits).mean() - functional.softplus(fakeLogits).mean();

    /// <summary>Discriminator loss: binary cross-entropy with data as class 1 and G(z) as class 0, i.e. −V̂.</summary>
    /// <remarks>L_D = −mean log D(x) − mean log(1 − D(G(z))) = mean softplus(−l_real) + mean softplus(l_fake). Minimising it ascends V.</remarks>
    public static Tensor DiscriminatorLoss(Tensor realLogits, Tensor fakeLogits) =>
        functional.softplus(-realLogits).mean() + functional.softplus(fakeLogits).mean();

    /// <summary>Minimax (MMGAN) generator loss.</summary>
    /// <remarks>L_G = E_z[log(1 − D(G(z)))] = −mean softplus(l_fake); dL_G/dl = −σ(l)/m, which vanishes as D(G(z)) → 0.</remarks>
    public static Tensor MinimaxGeneratorLoss(Tensor fakeLogits) =>
        -functional.softplus(fakeLogits).mean();

    /// <summary>Non-saturating (NSGAN) generator loss (Goodfellow et al. 2014, §3).</summary>
    /// <remarks>L_G = −E_z[log D(G(z))] = mean softplus(−l_fake); dL_G/dl = −(1 − σ(l))/m, which stays near −1/m as D(G(z)) → 0.</remarks>
    public static Tensor NonSaturatingGeneratorLoss(Tensor fakeLogits) =>
        functional.softplus(-fakeLogits).mean();
}
