namespace GanSharp.Objectives;

/// <summary>
/// The game G and D play: which value function D maximises and G minimises, and so which divergence between P_data and P_G the
/// trained D estimates and G descends. D's network returns a raw output v (a logit for the sigmoid games); each objective turns v
/// into its losses (<see cref="ObjectiveLosses"/>).
/// </summary>
public enum GanObjective
{
    /// <summary>MMGAN (Goodfellow et al. 2014): D maximises V = E log D(x) + E log(1 − D(G(z))), G minimises the same V. Estimates 2·JSD − log 4. Saturates while D rejects G(z).</summary>
    Minimax,

    /// <summary>NSGAN: D as in <see cref="Minimax"/>, G minimises −E log D(G(z)) (Goodfellow et al. 2014, §3). Same fixed point, strong gradients early.</summary>
    NonSaturating,

    /// <summary>f-GAN with the Kullback–Leibler divergence KL(P_data‖P_G) (Nowozin et al. 2016, Table 2).</summary>
    Kl,

    /// <summary>f-GAN with the reverse Kullback–Leibler divergence KL(P_G‖P_data) (Nowozin et al. 2016, Table 2).</summary>
    ReverseKl,

    /// <summary>f-GAN with f(u) = u log u − (u + 1) log((1 + u)/2), i.e. 2·JSD(P_data‖P_G) (Nowozin et al. 2016, Table 2).</summary>
    JensenShannon,

    /// <summary>f-GAN with the Pearson χ² divergence ∫ (p − q)²/q (Nowozin et al. 2016, Table 2).</summary>
    Pearson,

    /// <summary>f-GAN with the squared Hellinger distance ∫ (√p − √q)² (Nowozin et al. 2016, Table 2).</summary>
    Hellinger,

    /// <summary>Wasserstein GAN (Arjovsky et al. 2017): a critic f clipped to [−c, c]ⁿ estimates W₁ up to a constant factor. Default: c = 0.01, 5 critic steps, RMSprop 5·10⁻⁵.</summary>
    Wgan,

    /// <summary>WGAN with gradient penalty λ·E(‖∇f(x̂)‖ − 1)² (Gulrajani et al. 2017). Default: λ = 10, 5 critic steps, Adam 10⁻⁴, β = (0, 0.9).</summary>
    WganGp,

    /// <summary>Least squares GAN (Mao et al. 2017, a = 0, b = c = 1): D regresses data to 1 and G(z) to 0; G pulls D(G(z)) to 1.</summary>
    LeastSquares,

    /// <summary>Hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018): D maximises a margin of 1 on both sides, G maximises D's raw output on G(z).</summary>
    Hinge,
}
