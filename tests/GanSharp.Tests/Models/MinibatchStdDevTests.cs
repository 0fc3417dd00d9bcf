using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

public class MinibatchStdDevTests
{
    [Fact]
    public void The_extra_channel_is_the_mean_over_features_of_the_population_standard_deviation_across_the_batch()
    {
        using var scope = NewDisposeScope();
        // Two samples, two channels, one position: channel 0 is 1 and 3 (σ = 1), channel 1 is 5 and 5 (σ = 0); s = (√(1 + ε) + √ε) / 2.
        var h = tensor(new float[] { 1, 5, 3, 5 }, new long[] { 2, 2, 1, 1 });
        using var layer = new MinibatchStdDev();
        var output = layer.forward(h);
        Assert.Equal(new long[] { 2, 3, 1, 1 }, output.shape);
        Assert.Equal(h.flatten().data<float>().ToArray(), output.narrow(1, 0, 2).flatten().data<float>().ToArray());
        double expected = (Math.Sqrt(1 + MinibatchStdDev.Epsilon) + Math.Sqrt(MinibatchStdDev.Epsilon)) / 2;
        foreach (var s in output.select(1, 2).flatten().data<float>().ToArray()) Assert.Equal(expected, s, 6);
    }

    [Fact]
    public void A_batch_of_identical_images_gives_zero_spread_and_a_finite_gradient()
    {
        using var scope = NewDisposeScope();
        var h = ones(4, 3, 2, 2).requires_grad_(true);
        using var layer = new MinibatchStdDev();
        var output = layer.forward(h);
        Assert.True(output.select(1, 3).abs().max().item<float>() < 1e-3);
        output.select(1, 3).sum().backward();
        Assert.True(h.grad!.isfinite().all().item<bool>());
    }

    [Fact]
    public void The_discriminator_scores_an_image_by_how_much_its_batch_varies()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        using var d = new DcganDiscriminator(new DcganArchitecture(28, 1, 8, 4), spectralNorm: true, minibatchStd: true);
        var image = rand(1, 1, 28, 28) * 2 - 1;
        using var _ = no_grad();
        d.eval();
        // The same image beside copies of itself (no spread) and beside varied images: only the spread channel differs.
        var withCopies = d.forward(image.expand(8, 1, 28, 28).contiguous());
        var withVaried = d.forward(cat(new[] { image, rand(7, 1, 28, 28) * 2 - 1 }));
        Assert.True(Math.Abs(withCopies[0].item<float>() - withVaried[0].item<float>()) > 1e-4);
        Assert.Contains(d.named_modules(), m => m.module is MinibatchStdDev);
    }
}
