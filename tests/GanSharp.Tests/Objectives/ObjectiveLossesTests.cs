using GanSharp.Objectives;
using static TorchSharp.torch;

namespace GanSharp.Tests.Objectives;

/// <summary>
/// One fixture of D outputs that every objective runs through (TF-GAN style): each loss and its gradient with respect to D's raw
/// outputs against values worked out by hand from the paper's formula, written here without the library's stable forms.
/// </summary>
public class ObjectiveLossesTests
{
    // The kinks of the hinge (v = 1 on data, v = −1 on G(z)) are avoided; 2.0 and −3.0 sit on the flat side of them.
    private static readonly double[] Real = { 0.0, 2.0, -1.0 };
    private static readonly double[] Fake = { 0.5, -3.0 };

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
    private static double Softplus(double v) => Math.Log(1 + Math.Exp(v));

    /// <summary>
    /// L_D = mean_real r(v) + mean_fake f(v) and L_G = mean_fake h(v), with r, f, h and their derivatives, per objective.
    /// </summary>
    private sealed record Hand(Func<double, double> R, Func<double, double> DR, Func<double, double> F, Func<double, double> DF, Func<double, double> H, Func<double, double> DH);

    private static readonly Dictionary<GanObjective, Hand> ByHand = new()
    {
        // −log σ(v) and −log(1 − σ(v)); G: log(1 − σ(v)) or −log σ(v).
        [GanObjective.Minimax] = new(v => -Math.Log(Sigmoid(v)), v => Sigmoid(v) - 1, v => -Math.Log(1 - Sigmoid(v)), Sigmoid, v => Math.Log(1 - Sigmoid(v)), v => -Sigmoid(v)),
        [GanObjective.NonSaturating] = new(v => -Math.Log(Sigmoid(v)), v => Sigmoid(v) - 1, v => -Math.Log(1 - Sigmoid(v)), Sigmoid, v => -Math.Log(Sigmoid(v)), v => Sigmoid(v) - 1),
        // f-GAN: r = −g_f(v), f = f*(g_f(v)), h = −g_f(v) (Nowozin et al. 2016, Table 2).
        [GanObjective.Kl] = new(v => -v, _ => -1, v => Math.Exp(v - 1), v => Math.Exp(v - 1), v => -v, _ => -1),
        [GanObjective.ReverseKl] = new(v => Math.Exp(-v), v => -Math.Exp(-v), v => -1 - Math.Log(Math.Exp(-v)), _ => 1, v => Math.Exp(-v), v => -Math.Exp(-v)),
        [GanObjective.JensenShannon] = new(
            v => -(Math.Log(2) - Math.Log(1 + Math.Exp(-v))), v => Sigmoid(v) - 1,
            v => -Math.Log(2 - Math.Exp(Math.Log(2) - Math.Log(1 + Math.Exp(-v)))), Sigmoid,
            v => -(Math.Log(2) - Math.Log(1 + Math.Exp(-v))), v => Sigmoid(v) - 1),
        [GanObjective.Pearson] = new(v => -v, _ => -1, v => v * v / 4 + v, v => v / 2 + 1, v => -v, _ => -1),
        [GanObjective.Hellinger] = new(
            v => -(1 - Math.Exp(-v)), v => -Math.Exp(-v),
            v => (1 - Math.Exp(-v)) / (1 - (1 - Math.Exp(-v))), Math.Exp,
            v => -(1 - Math.Exp(-v)), v => -Math.Exp(-v)),
        // Critics: L_D = mean f(G(z)) − mean f(x), L_G = −mean f(G(z)).
        [GanObjective.Wgan] = new(v => -v, _ => -1, v => v, _ => 1, v => -v, _ => -1),
        [GanObjective.WganGp] = new(v => -v, _ => -1, v => v, _ => 1, v => -v, _ => -1),
        // Mao et al. (2017) with a = 0, b = c = 1.
        [GanObjective.LeastSquares] = new(v => 0.5 * (v - 1) * (v - 1), v => v - 1, v => 0.5 * v * v, v => v, v => 0.5 * (v - 1) * (v - 1), v => v - 1),
        // Lim & Ye (2017).
        [GanObjective.Hinge] = new(v => Math.Max(0, 1 - v), v => v < 1 ? -1 : 0, v => Math.Max(0, 1 + v), v => v > -1 ? 1 : 0, v => -v, _ => -1),
    };

    public static TheoryData<GanObjective> Every => new(Enum.GetValues<GanObjective>());

    [Fact]
    public void The_fixture_covers_every_objective()
    {
        Assert.Equal(Enum.GetValues<GanObjective>().Order(), ByHand.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Discriminator_loss_and_its_gradients_match_the_papers_formula(GanObjective objective)
    {
        var hand = ByHand[objective];
        using var real = tensor(Real, requires_grad: true);
        using var fake = tensor(Fake, requires_grad: true);
        using var loss = ObjectiveLosses.DiscriminatorLoss(objective, real, fake);
        loss.backward();

        Assert.Equal(Real.Average(hand.R) + Fake.Average(hand.F), loss.item<double>(), 10);
        Assert.Equal(Real.Select(v => hand.DR(v) / Real.Length), real.grad!.data<double>().ToArray(), new Tolerance(1e-10));
        Assert.Equal(Fake.Select(v => hand.DF(v) / Fake.Length), fake.grad!.data<double>().ToArray(), new Tolerance(1e-10));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Generator_loss_and_its_gradient_match_the_papers_formula(GanObjective objective)
    {
        var hand = ByHand[objective];
        using var fake = tensor(Fake, requires_grad: true);
        using var loss = ObjectiveLosses.GeneratorLoss(objective, fake);
        loss.backward();

        Assert.Equal(Fake.Average(hand.H), loss.item<double>(), 10);
        Assert.Equal(Fake.Select(v => hand.DH(v) / Fake.Length), fake.grad!.data<double>().ToArray(), new Tolerance(1e-10));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }
}
