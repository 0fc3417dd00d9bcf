using static TorchSharp.torch;

namespace GanSharp.Gan;

/// <summary>
/// The discriminator that maximises V(G, D) for a fixed G: D*(x) = p_data(x) / (p_data(x) + p_G(x))
/// (Goodfellow et al. 2014, Proposition 1), and the value it reaches, max_D V = −2 log 2 + 2 JSD(P_data‖P_G).
/// </summary>
public static class OptimalDiscriminator
{
    /// <summary>The logit of D*: l*(x) = log p_data(x) − log p_G(x), so D* = σ(l*).</summary>
    public static Tensor Logit(Tensor logPData, Tensor logPG) => logPData - logPG;

    /// <summary>D*(x) = σ(log p_data(x) − log p_G(x)).</summary>
    public static Tensor Probability(Tensor logPData, Tensor logPG) => (logPData - logPG).sigmoid();

    /// <summary>max_D V(G, D) = −2 log 2 + 2 JSD(P_data‖P_G) (Goodfellow et al. 2014, Theorem 1).</summary>
    public static double MaxValue(double jensenShannon) => -2 * Math.Log(2) + 2 * jensenShannon;

    /// <summary>The JSD that a value V implies through Theorem 1: (V + 2 log 2) / 2.</summary>
    public static double JensenShannonFromValue(double value) => (value + 2 * Math.Log(2)) / 2;
}
