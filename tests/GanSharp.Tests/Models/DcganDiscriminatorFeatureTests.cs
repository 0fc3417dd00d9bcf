using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

public class DcganDiscriminatorFeatureTests
{
    [Theory]
    [InlineData(28, 1, 4, 4 * 16 + 8 * 16)]
    [InlineData(32, 3, 4, (4 + 8 + 16) * 16)]
    [InlineData(64, 1, 2, (2 + 4 + 8 + 16) * 16)]
    public void Features_concatenate_every_hidden_layer_pooled_to_4x4(int size, int channels, int features, int expectedLength)
    {
        manual_seed(0);
        using var d = new DcganDiscriminator(new DcganArchitecture(size, channels, 8, features));
        d.eval();
        using var x = randn(5, channels, size, size);
        using var h = d.Features(x);
        Assert.Equal(expectedLength, d.FeatureLength);
        Assert.Equal(new long[] { 5, expectedLength }, h.shape);
    }

    [Fact]
    public void The_first_block_is_the_max_pool_of_the_leaky_relu_of_the_first_convolution()
    {
        manual_seed(1);
        using var d = new DcganDiscriminator(new DcganArchitecture(28, 1, 8, 4));
        d.eval();
        using var x = randn(2, 1, 28, 28);
        using var h = d.Features(x);
        var weight = d.named_parameters().Single(p => p.name == "net.down0.weight").parameter;
        // By hand: conv (kernel 4, stride 2, padding 1, no bias) → LeakyReLU(0.2) → [2, 4, 14, 14]; then the max over each of the 4 × 4 cells
        // that adaptive pooling makes of 14 rows: starts ⌊14i/4⌋ = 0, 3, 7, 10 and ends ⌈14(i+1)/4⌉ = 4, 7, 11, 14.
        using var conv = nn.functional.conv2d(x, weight, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 });
        using var act = nn.functional.leaky_relu(conv, 0.2);
        int[] starts = { 0, 3, 7, 10 }, ends = { 4, 7, 11, 14 };
        for (int n = 0; n < 2; n++)
            for (int c = 0; c < 4; c++)
                for (int i = 0; i < 4; i++)
                    for (int j = 0; j < 4; j++)
                    {
                        float expected = act[n, c, starts[i]..ends[i], starts[j]..ends[j]].max().item<float>();
                        float got = h[n, c * 16 + i * 4 + j].item<float>();
                        Assert.Equal(expected, got, 5);
                    }
    }

    [Fact]
    public void Features_leave_the_logits_unchanged_and_need_no_gradient_bookkeeping()
    {
        manual_seed(2);
        using var d = new DcganDiscriminator(new DcganArchitecture(28, 1, 8, 4));
        d.eval();
        using var x = randn(3, 1, 28, 28);
        using var before = d.forward(x);
        using (var _ = no_grad()) d.Features(x).Dispose();
        using var after = d.forward(x);
        Assert.True(before.allclose(after));
    }
}
