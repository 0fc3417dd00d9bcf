using GanSharp.Objectives;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanSharp.Tests.Objectives;

public class GradientPenaltiesTests
{
    // A linear D, v(x) = w·x + b, has ∇_x v = w at every x: both penalties are known in closed form.
    private static readonly double[] W = { 3.0, 4.0 };   // ‖w‖ = 5

    private static (Tensor Gradients, Tensor Weight) LinearInputGradient(Tensor x)
    {
        var w = tensor(W, requires_grad: true);
        var outputs = x.matmul(w) + 0.5;   // [m]
        return (GradientPenalties.InputGradient(outputs, x), w);
    }

    [Fact]
    public void The_input_gradient_of_a_linear_d_is_its_weight_at_every_point()
    {
        using var x = tensor(new[] { 1.0, 2.0, -1.0, 0.0, 5.0, 5.0 }, new long[] { 3, 2 }).requires_grad_(true);
        var (g, _) = LinearInputGradient(x);
        Assert.Equal(new[] { 3.0, 4.0, 3.0, 4.0, 3.0, 4.0 }, g.data<double>().ToArray());
    }

    [Fact]
    public void The_wgan_gp_penalty_is_lambda_times_the_squared_distance_of_the_gradient_norm_from_one_and_trains_the_weights()
    {
        using var x = tensor(new[] { 1.0, 2.0, -1.0, 0.0 }, new long[] { 2, 2 }).requires_grad_(true);
        var (g, w) = LinearInputGradient(x);
        using var penalty = GradientPenalties.Wasserstein(g, 10);
        Assert.Equal(10 * (5 - 1) * (5 - 1), penalty.item<double>(), 9);
        // create_graph: the penalty reaches D's weights. ∂/∂w of λ(‖w‖ − 1)² = 2λ(‖w‖ − 1) w/‖w‖ = 80 · (0.6, 0.8).
        penalty.backward();
        Assert.Equal(48.0, w.grad!.data<double>()[0], 6);
        Assert.Equal(64.0, w.grad!.data<double>()[1], 6);
    }

    [Fact]
    public void The_r1_penalty_is_half_gamma_times_the_squared_gradient_norm()
    {
        using var x = tensor(new[] { 1.0, 2.0, -1.0, 0.0 }, new long[] { 2, 2 }).requires_grad_(true);
        var (g, w) = LinearInputGradient(x);
        using var penalty = GradientPenalties.R1(g, 0.2);
        Assert.Equal(0.1 * 25, penalty.item<double>(), 9);
        penalty.backward();   // ∂/∂w of γ/2 ‖w‖² = γ w
        Assert.Equal(new[] { 0.6, 0.8 }, w.grad!.data<double>().ToArray().Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Interpolates_lie_on_the_segment_from_fake_to_real_at_epsilon()
    {
        using var real = tensor(new[] { 1.0, 1.0, 10.0, 10.0 }, new long[] { 2, 1, 1, 2 });
        using var fake = zeros(new long[] { 2, 1, 1, 2 }, dtype: float64);
        using var x = GradientPenalties.Interpolate(real, fake, tensor(new[] { 0.25, 0.5 }));
        Assert.Equal(new[] { 0.25, 0.25, 5.0, 5.0 }, x.data<double>().ToArray());
    }

    [Fact]
    public void Weight_clipping_puts_every_weight_into_minus_c_to_c()
    {
        using var layer = TorchSharp.torch.nn.Linear(4, 3);
        using (no_grad()) layer.weight!.mul_(100);
        WassersteinLosses.ClipWeights(layer.parameters(), 0.01);
        foreach (Parameter p in layer.parameters()) Assert.True(p.abs().max().item<float>() <= 0.01f + 1e-7f);
        Assert.Equal(0.01f, layer.weight!.abs().max().item<float>(), 6);
    }
}
