using GanSharp.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Models;

public class FullFrameConvolutionTests
{
    [Theory]
    [InlineData(5, 2, 4, 6)]
    [InlineData(512, 1, 4, 8)]   // the 64-pixel DCGAN discriminator's last layer
    [InlineData(128, 1, 7, 8)]   // the 28-pixel one's
    public void It_maps_each_input_to_the_sum_of_input_times_kernel_and_back_propagates_that_map(int channels, int outputs, int side, int m)
    {
        manual_seed(3);
        using var full = new FullFrameConvolution(channels, outputs, side);
        var x = randn(m, channels, side, side).requires_grad_(true);
        var y = full.forward(x);
        // y[m, o] = Σ_{c,i,j} x[m, c, i, j] W[o, c, i, j] + bias[o]
        var expected = einsum("mcij,ocij->mo", x.detach(), full.Weight.detach()) + full.Bias.detach();
        Assert.Equal(new long[] { m, outputs, 1, 1 }, y.shape);
        Assert.True(allclose(y.flatten(1), expected, rtol: 1e-4, atol: 1e-5));

        var upstream = randn(m, outputs, 1, 1);
        (y * upstream).sum().backward();
        // ∂L/∂x[m, c, i, j] = Σ_o upstream[m, o] W[o, c, i, j];  ∂L/∂W[o, c, i, j] = Σ_m upstream[m, o] x[m, c, i, j];  ∂L/∂bias[o] = Σ_m upstream[m, o]
        Assert.True(allclose(x.grad!, einsum("mo,ocij->mcij", upstream.flatten(1), full.Weight.detach()), rtol: 1e-4, atol: 1e-5));
        Assert.True(allclose(full.Weight.grad!, einsum("mo,mcij->ocij", upstream.flatten(1), x.detach()), rtol: 1e-4, atol: 1e-5));
        Assert.True(allclose(full.Bias.grad!, upstream.sum(new long[] { 0, 2, 3 }), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void It_draws_its_weights_and_names_them_as_the_conv2d_it_replaces()
    {
        manual_seed(4);
        using var conv = Conv2d(3, 1, 7, stride: 1, padding: 0L);
        manual_seed(4);
        using var full = new FullFrameConvolution(3, 1, 7);
        Assert.Equal(conv.weight!.data<float>().ToArray(), full.Weight.data<float>().ToArray());
        Assert.Equal(conv.bias!.data<float>().ToArray(), full.Bias.data<float>().ToArray());
        Assert.Equal(conv.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))),
            full.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))));
    }
}
