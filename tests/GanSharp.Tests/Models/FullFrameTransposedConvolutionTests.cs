using GanSharp.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Models;

public class FullFrameTransposedConvolutionTests
{
    [Theory]
    [InlineData(3, 2, 2, 2)]
    [InlineData(100, 512, 4, 4)]   // the 64-pixel DCGAN generator's first layer
    [InlineData(100, 128, 7, 4)]   // the 28-pixel one's
    public void It_spreads_each_latent_vector_over_the_whole_kernel_and_back_propagates_that_map(int channels, int outputs, int side, int m)
    {
        manual_seed(5);
        using var full = new FullFrameTransposedConvolution(channels, outputs, side);
        var z = randn(m, channels, 1, 1).requires_grad_(true);
        var y = full.forward(z);
        // y[m, o, i, j] = Σ_c z[m, c] W[c, o, i, j]: every output position carries z, not only (0, 0)
        var expected = einsum("mc,coij->moij", z.detach().flatten(1), full.Weight.detach());
        Assert.Equal(new long[] { m, outputs, side, side }, y.shape);
        Assert.True(allclose(y, expected, rtol: 1e-4, atol: 1e-5));
        Assert.True(y.select(2, side - 1).select(2, side - 1).abs().max().item<float>() > 0);

        var upstream = randn(m, outputs, side, side);
        (y * upstream).sum().backward();
        // ∂L/∂z[m, c] = Σ_{o,i,j} upstream[m, o, i, j] W[c, o, i, j];  ∂L/∂W[c, o, i, j] = Σ_m z[m, c] upstream[m, o, i, j]
        Assert.True(allclose(z.grad!.flatten(1), einsum("moij,coij->mc", upstream, full.Weight.detach()), rtol: 1e-4, atol: 1e-4));
        Assert.True(allclose(full.Weight.grad!, einsum("mc,moij->coij", z.detach().flatten(1), upstream), rtol: 1e-4, atol: 1e-4));
    }

    [Fact]
    public void It_draws_its_weight_and_names_it_as_the_conv_transpose2d_it_replaces()
    {
        manual_seed(6);
        using var convT = ConvTranspose2d(10, 4, 7, stride: 1, padding: 0, bias: false);
        manual_seed(6);
        using var full = new FullFrameTransposedConvolution(10, 4, 7);
        Assert.Equal(convT.weight!.data<float>().ToArray(), full.Weight.data<float>().ToArray());
        Assert.Equal(convT.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))),
            full.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))));
    }
}
