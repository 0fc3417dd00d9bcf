using GanSharp.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Models;

public class SpectralNormTests
{
    private static double LargestSingularValue(Tensor matrix)
    {
        using var s = linalg.svdvals(matrix.to_type(float64));
        return s[0].item<double>();
    }

    [Fact]
    public void Power_iteration_converges_to_the_largest_singular_value_of_the_svd()
    {
        manual_seed(7);
        using var sn = new SpectralNorm(Linear(6, 5));
        sn.train();
        using var x = randn(2, 6);
        for (int i = 0; i < 50; i++) sn.forward(x).Dispose();
        using var sigma = sn.Sigma();
        Assert.Equal(LargestSingularValue(sn.Weight), sigma.item<float>(), 4);
    }

    [Fact]
    public void A_normalised_linear_layer_acts_with_a_weight_of_spectral_norm_one_and_keeps_its_bias()
    {
        manual_seed(8);
        var linear = Linear(4, 3);
        using var sn = new SpectralNorm(linear);
        using var x = randn(1, 4);
        for (int i = 0; i < 50; i++) sn.forward(x).Dispose();
        sn.eval();
        // The layer's effective weight, read off the identity: row j of f(I) − f(0) is column j of W/σ.
        using var identity = eye(4);
        using var atZero = sn.forward(zeros(1, 4));
        using var effective = (sn.forward(identity) - atZero).t();   // [3, 4]
        Assert.Equal(1.0, LargestSingularValue(effective), 3);
        Assert.Equal(linear.bias!.data<float>().ToArray(), atZero.flatten().data<float>().ToArray());
    }

    [Fact]
    public void A_normalised_convolution_divides_its_output_by_the_largest_singular_value_of_its_reshaped_kernel()
    {
        manual_seed(9);
        var conv = Conv2d(2, 3, 3, bias: false);
        using var sn = new SpectralNorm(conv);
        using var x = randn(1, 2, 5, 5);
        // Power iteration gains (σ₂/σ₁)² per step; these kernels' two largest singular values lie close, so give it many steps.
        for (int i = 0; i < 500; i++) sn.forward(x).Dispose();
        sn.eval();
        using var plain = conv.forward(x);
        using var normalised = sn.forward(x);
        double sigma = LargestSingularValue(conv.weight!.reshape(3, -1));
        using var expected = plain / sigma;
        Assert.True(allclose(normalised, expected, rtol: 1e-3, atol: 1e-5), $"max difference {(normalised - expected).abs().max().item<float>()}, σ = {sigma}, estimate {sn.Sigma().item<float>()}");
    }

    [Fact]
    public void The_gradient_flows_through_sigma_to_the_weight()
    {
        manual_seed(10);
        var linear = Linear(3, 3, hasBias: false);
        using var sn = new SpectralNorm(linear);
        using var x = randn(8, 3);
        for (int i = 0; i < 30; i++) sn.forward(x).Dispose();
        // Scaling W leaves W/σ unchanged, so the loss has no gradient along W itself: ⟨∇_W L, W⟩ = 0.
        using var loss = sn.forward(x).pow(2).sum();
        loss.backward();
        double along = (linear.weight!.grad! * linear.weight).sum().item<float>();
        Assert.True(Math.Abs(along) < 1e-3 * linear.weight.grad!.norm().item<float>() * linear.weight.norm().item<float>() + 1e-6, $"⟨∇W, W⟩ = {along}");
    }
}
