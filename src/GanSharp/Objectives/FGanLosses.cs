using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Objectives;

/// <summary>
/// f-GAN (Nowozin et al. 2016): for a convex f with f(1) = 0, the f-divergence D_f(P‖Q) = ∫ q f(p/q) dx is bounded below by
/// F(T) = E_P[T(x)] − E_Q[f*(T(x))] for every T, with equality at T*(x) = f′(p(x)/q(x)). D's raw output v becomes T = g_f(v)
/// through the output activation g_f of Table 2, which keeps T inside the domain of the conjugate f*.
/// Here P = P_data and Q = P_G; D maximises F, G minimises −E_Q[g_f(v)] (the alternative G step of §3.2, as GANs use).
/// </summary>
/// <remarks>
/// Table 2 of Nowozin et al. (2016), with r = p/q:
/// <code>
/// divergence          f(u)                                 g_f(v)                 f*(t)                 f*(g_f(v))         v* (at T* = f′(r))
/// Kullback–Leibler    u log u                              v                      exp(t − 1)            exp(v − 1)          1 + log r
/// reverse KL          −log u                               −exp(−v)               −1 − log(−t)          v − 1               log r
/// Jensen–Shannon      u log u − (u + 1) log((1 + u)/2)     log 2 − softplus(−v)   −log(2 − exp t)       softplus(v) − log 2 log r
/// Pearson χ²          (u − 1)²                             v                      t²/4 + t              v²/4 + v            2(r − 1)
/// squared Hellinger   (√u − 1)²                            1 − exp(−v)            t/(1 − t)             exp(v) − 1          ½ log r
/// </code>
/// The Jensen–Shannon f of Table 2 gives D_f = 2·JSD(P‖Q) (JSD with the ½ weights, at most log 2), so F ≤ 2·JSD ≤ log 4.
/// </remarks>
public static class FGanLosses
{
    private static readonly double Log2 = Math.Log(2);

    /// <summary>Whether <paramref name="objective"/> is one of the f-divergences here.</summary>
    public static bool IsFDivergence(GanObjective objective) =>
        objective is GanObjective.Kl or GanObjective.ReverseKl or GanObjective.JensenShannon or GanObjective.Pearson or GanObjective.Hellinger;

    /// <summary>The output activation T = g_f(v) (Nowozin et al. 2016, Table 2).</summary>
    public static Tensor Activation(GanObjective divergence, Tensor v) => divergence switch
    {
        GanObjective.Kl => v.alias(),
        GanObjective.ReverseKl => -(-v).exp(),
        GanObjective.JensenShannon => Log2 - functional.softplus(-v),
        GanObjective.Pearson => v.alias(),
        GanObjective.Hellinger => 1 - (-v).exp(),
        _ => throw NotAnFDivergence(divergence),
    };

    /// <summary>The Fenchel conjugate f*(t) = sup_u (u t − f(u)) on the domain of f* (Nowozin et al. 2016, Table 2).</summary>
    public static Tensor Conjugate(GanObjective divergence, Tensor t) => divergence switch
    {
        GanObjective.Kl => (t - 1).exp(),
        GanObjective.ReverseKl => -1 - (-t).log(),
        GanObjective.JensenShannon => -(2 - t.exp()).log(),
        GanObjective.Pearson => t.pow(2) / 4 + t,
        GanObjective.Hellinger => t / (1 - t),
        _ => throw NotAnFDivergence(divergence),
    };

    /// <summary>f*(g_f(v)), simplified so that it stays finite wherever g_f and f* do (the table's fifth column).</summary>
    public static Tensor ConjugateOfActivation(GanObjective divergence, Tensor v) => divergence switch
    {
        GanObjective.Kl => (v - 1).exp(),
        GanObjective.ReverseKl => v - 1,
        GanObjective.JensenShannon => functional.softplus(v) - Log2,
        GanObjective.Pearson => v.pow(2) / 4 + v,
        GanObjective.Hellinger => v.exp() - 1,
        _ => throw NotAnFDivergence(divergence),
    };

    /// <summary>The minibatch estimate of the variational lower bound, F̂ = mean g_f(v_real) − mean f*(g_f(v_fake)) ≤ D_f(P_data‖P_G).</summary>
    public static Tensor Value(GanObjective divergence, Tensor realOutputs, Tensor fakeOutputs) =>
        Activation(divergence, realOutputs).mean() - ConjugateOfActivation(divergence, fakeOutputs).mean();

    /// <summary>D's loss −F̂: minimising it raises the lower bound towards D_f(P_data‖P_G).</summary>
    /// <remarks>L_D = −mean g_f(v_real) + mean f*(g_f(v_fake)); ∂L_D/∂v_real = −g_f′(v)/m, ∂L_D/∂v_fake = (f*∘g_f)′(v)/n.</remarks>
    public static Tensor DiscriminatorLoss(GanObjective divergence, Tensor realOutputs, Tensor fakeOutputs) =>
        -Value(divergence, realOutputs, fakeOutputs);

    /// <summary>G's loss, the alternative of Nowozin et al. (2016, §3.2): L_G = −E_z[g_f(v(G(z)))].</summary>
    /// <remarks>For Jensen–Shannon this is the non-saturating loss less log 2: softplus(−v) − log 2.</remarks>
    public static Tensor GeneratorLoss(GanObjective divergence, Tensor fakeOutputs) =>
        -Activation(divergence, fakeOutputs).mean();

    /// <summary>The generator function f(u) of the divergence, for u = p/q &gt; 0 (D_f = ∫ q f(p/q) dx).</summary>
    public static double F(GanObjective divergence, double u) => divergence switch
    {
        GanObjective.Kl => u * Math.Log(u),
        GanObjective.ReverseKl => -Math.Log(u),
        GanObjective.JensenShannon => u * Math.Log(u) - (u + 1) * Math.Log((1 + u) / 2),
        GanObjective.Pearson => (u - 1) * (u - 1),
        GanObjective.Hellinger => (Math.Sqrt(u) - 1) * (Math.Sqrt(u) - 1),
        _ => throw NotAnFDivergence(divergence),
    };

    /// <summary>The raw output v* of the optimal D at log r = log p_data(x) − log p_G(x): g_f(v*) = f′(r) (the table's last column).</summary>
    public static double OptimalOutput(GanObjective divergence, double logRatio) => divergence switch
    {
        GanObjective.Kl => 1 + logRatio,
        GanObjective.ReverseKl => logRatio,
        GanObjective.JensenShannon => logRatio,
        GanObjective.Pearson => 2 * (Math.Exp(logRatio) - 1),
        GanObjective.Hellinger => logRatio / 2,
        _ => throw NotAnFDivergence(divergence),
    };

    private static ArgumentOutOfRangeException NotAnFDivergence(GanObjective objective) =>
        new(nameof(objective), objective, "Not an f-divergence objective: use kl, reverse-kl, jensen-shannon, pearson or hellinger.");
}
