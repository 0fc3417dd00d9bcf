using GanSharp.Objectives;
using static TorchSharp.torch;

namespace GanSharp.Tests.Objectives;

public class FGanLossesTests
{
    private static readonly GanObjective[] Divergences =
        { GanObjective.Kl, GanObjective.ReverseKl, GanObjective.JensenShannon, GanObjective.Pearson, GanObjective.Hellinger };

    public static TheoryData<GanObjective> Each => new(Divergences);

    // Two distributions on four points: P = P_data, Q = P_G.
    private static readonly double[] P = { 0.1, 0.2, 0.3, 0.4 };
    private static readonly double[] Q = { 0.4, 0.3, 0.2, 0.1 };

    /// <summary>The variational bound E_P[g_f(v)] − E_Q[f*(g_f(v))] of outputs v on the four points.</summary>
    private static double Bound(GanObjective divergence, double[] v)
    {
        using var outputs = tensor(v);
        using var t = FGanLosses.Activation(divergence, outputs);
        using var conjugate = FGanLosses.ConjugateOfActivation(divergence, outputs);
        var T = t.data<double>().ToArray();
        var c = conjugate.data<double>().ToArray();
        return Enumerable.Range(0, v.Length).Sum(i => P[i] * T[i] - Q[i] * c[i]);
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void The_simplified_conjugate_of_the_activation_is_the_conjugate_of_the_activation(GanObjective divergence)
    {
        using var v = linspace(-3, 3, 13, dtype: float64);
        using var t = FGanLosses.Activation(divergence, v);
        using var composed = FGanLosses.Conjugate(divergence, t);
        using var simplified = FGanLosses.ConjugateOfActivation(divergence, v);
        Assert.True(allclose(composed, simplified, rtol: 1e-9, atol: 1e-9), $"{divergence}: f*(g_f(v)) differs from its simplified form");
    }

    [Theory]
    [MemberData(nameof(Each))]
    public void At_the_optimal_output_the_bound_equals_the_f_divergence_and_elsewhere_it_is_lower(GanObjective divergence)
    {
        double exact = Enumerable.Range(0, P.Length).Sum(i => Q[i] * FGanLosses.F(divergence, P[i] / Q[i]));
        var optimal = P.Select((p, i) => FGanLosses.OptimalOutput(divergence, Math.Log(p / Q[i]))).ToArray();
        Assert.Equal(exact, Bound(divergence, optimal), 12);
        foreach (var shift in new[] { -0.3, 0.2 })
            Assert.True(Bound(divergence, optimal.Select(v => v + shift).ToArray()) < exact, $"{divergence}: a shifted output must lie below D_f");
    }

    [Fact]
    public void The_jensen_shannon_member_is_the_gan_value_shifted_by_log_4_and_bounded_by_twice_the_jsd()
    {
        using var real = tensor(new[] { 0.0, 2.0, -1.0 });
        using var fake = tensor(new[] { 0.5, -3.0 });
        using var f = FGanLosses.Value(GanObjective.JensenShannon, real, fake);
        using var gan = GanLosses.Value(real, fake);
        Assert.Equal(gan.item<double>() + Math.Log(4), f.item<double>(), 12);

        double jsd = Enumerable.Range(0, P.Length).Sum(i => 0.5 * P[i] * Math.Log(2 * P[i] / (P[i] + Q[i])) + 0.5 * Q[i] * Math.Log(2 * Q[i] / (P[i] + Q[i])));
        double exact = Enumerable.Range(0, P.Length).Sum(i => Q[i] * FGanLosses.F(GanObjective.JensenShannon, P[i] / Q[i]));
        Assert.Equal(2 * jsd, exact, 12);
    }

    [Fact]
    public void Objectives_outside_the_f_family_are_refused_by_name()
    {
        using var v = zeros(2, dtype: float64);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FGanLosses.Activation(GanObjective.Hinge, v));
        Assert.Contains("Not an f-divergence", e.Message);
        Assert.False(FGanLosses.IsFDivergence(GanObjective.Wgan));
        Assert.True(FGanLosses.IsFDivergence(GanObjective.Pearson));
    }
}
