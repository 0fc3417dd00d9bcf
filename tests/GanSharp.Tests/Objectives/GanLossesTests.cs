using GanSharp.Objectives;
using static TorchSharp.torch;

namespace GanSharp.Tests.Objectives;

public class GanLossesTests
{
    private static readonly double[] RealLogits = { 0.0, 2.0, -1.0 };
    private static readonly double[] FakeLogits = { 0.5, -3.0 };

    private static double Sigmoid(double l) => 1 / (1 + Math.Exp(-l));

    private static double Mean(IEnumerable<double> xs) => xs.Average();

    [Fact]
    public void Discriminator_loss_is_the_binary_cross_entropy_with_data_as_class_one()
    {
        double expected = -Mean(RealLogits.Select(l => Math.Log(Sigmoid(l)))) - Mean(FakeLogits.Select(l => Math.Log(1 - Sigmoid(l))));
        using var loss = GanLosses.DiscriminatorLoss(tensor(RealLogits), tensor(FakeLogits));
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void Value_estimate_is_the_negated_discriminator_loss_and_matches_the_definition_of_V()
    {
        double expected = Mean(RealLogits.Select(l => Math.Log(Sigmoid(l)))) + Mean(FakeLogits.Select(l => Math.Log(1 - Sigmoid(l))));
        using var value = GanLosses.Value(tensor(RealLogits), tensor(FakeLogits));
        Assert.Equal(expected, value.item<double>(), 12);
    }

    [Fact]
    public void Value_at_an_undecided_discriminator_is_minus_two_log_two()
    {
        using var value = GanLosses.Value(zeros(5, dtype: float64), zeros(7, dtype: float64));
        Assert.Equal(-2 * Math.Log(2), value.item<double>(), 12);
    }

    [Fact]
    public void Minimax_generator_loss_is_the_mean_of_log_one_minus_D()
    {
        double expected = Mean(FakeLogits.Select(l => Math.Log(1 - Sigmoid(l))));
        using var loss = GanLosses.MinimaxGeneratorLoss(tensor(FakeLogits));
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void Non_saturating_generator_loss_is_the_mean_of_minus_log_D()
    {
        double expected = -Mean(FakeLogits.Select(l => Math.Log(Sigmoid(l))));
        using var loss = GanLosses.NonSaturatingGeneratorLoss(tensor(FakeLogits));
        Assert.Equal(expected, loss.item<double>(), 12);
    }

    [Fact]
    public void Minimax_gradient_in_the_logit_is_minus_sigmoid_over_m()
    {
        using var l = tensor(FakeLogits, requires_grad: true);
        using var loss = GanLosses.MinimaxGeneratorLoss(l);
        loss.backward();
        var grad = l.grad!.data<double>().ToArray();
        for (int i = 0; i < FakeLogits.Length; i++)
            Assert.Equal(-Sigmoid(FakeLogits[i]) / FakeLogits.Length, grad[i], 12);
    }

    [Fact]
    public void Non_saturating_gradient_in_the_logit_is_minus_one_minus_sigmoid_over_m()
    {
        using var l = tensor(FakeLogits, requires_grad: true);
        using var loss = GanLosses.NonSaturatingGeneratorLoss(l);
        loss.backward();
        var grad = l.grad!.data<double>().ToArray();
        for (int i = 0; i < FakeLogits.Length; i++)
            Assert.Equal(-(1 - Sigmoid(FakeLogits[i])) / FakeLogits.Length, grad[i], 12);
    }

    [Fact]
    public void Discriminator_gradients_push_real_logits_up_and_fake_logits_down()
    {
        using var lr = tensor(RealLogits, requires_grad: true);
        using var lf = tensor(FakeLogits, requires_grad: true);
        using var loss = GanLosses.DiscriminatorLoss(lr, lf);
        loss.backward();
        var gr = lr.grad!.data<double>().ToArray();
        var gf = lf.grad!.data<double>().ToArray();
        for (int i = 0; i < RealLogits.Length; i++) Assert.Equal(-(1 - Sigmoid(RealLogits[i])) / RealLogits.Length, gr[i], 12);
        for (int i = 0; i < FakeLogits.Length; i++) Assert.Equal(Sigmoid(FakeLogits[i]) / FakeLogits.Length, gf[i], 12);
    }

    [Fact]
    public void Minimax_saturates_where_the_non_saturating_loss_does_not_when_D_rejects_the_samples()
    {
        // D(G(z)) = σ(−10) ≈ 4.5e−5: the minimax gradient is that small, the non-saturating one near −1.
        using var l1 = tensor(new[] { -10.0 }, requires_grad: true);
        using var mm = GanLosses.MinimaxGeneratorLoss(l1);
        mm.backward();
        using var l2 = tensor(new[] { -10.0 }, requires_grad: true);
        using var ns = GanLosses.NonSaturatingGeneratorLoss(l2);
        ns.backward();
        Assert.Equal(-Sigmoid(-10), l1.grad!.item<double>(), 12);
        Assert.Equal(-(1 - Sigmoid(-10)), l2.grad!.item<double>(), 12);
        Assert.True(Math.Abs(l2.grad!.item<double>()) / Math.Abs(l1.grad!.item<double>()) > 20_000);
    }

    [Fact]
    public void Losses_stay_finite_for_extreme_logits()
    {
        using var extreme = tensor(new[] { -200.0f, 200.0f });
        using var d = GanLosses.DiscriminatorLoss(extreme, extreme);
        using var mm = GanLosses.MinimaxGeneratorLoss(extreme);
        using var ns = GanLosses.NonSaturatingGeneratorLoss(extreme);
        Assert.Equal(200.0, d.item<float>(), 3);   // (200 + 0)/2 + (0 + 200)/2
        Assert.Equal(-100.0, mm.item<float>(), 3);
        Assert.Equal(100.0, ns.item<float>(), 3);
    }
}
