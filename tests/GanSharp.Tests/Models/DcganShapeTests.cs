using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

public class DcganShapeTests
{
    [Theory]
    [InlineData(28, 1)]
    [InlineData(32, 3)]
    [InlineData(64, 3)]
    [InlineData(64, 1)]
    public void The_generator_maps_z_to_images_of_the_size_and_the_discriminator_maps_them_to_one_logit_each(int size, int channels)
    {
        manual_seed(0);
        var arch = new DcganArchitecture(size, channels, LatentDim: 8, Features: 4);
        using var g = new DcganGenerator(arch);
        using var d = new DcganDiscriminator(arch);
        using var z = randn(3, 8);
        using var x = g.forward(z);
        Assert.Equal(new long[] { 3, channels, size, size }, x.shape);
        Assert.True(x.abs().max().item<float>() < 1f, "tanh keeps pixels inside (−1, 1)");
        using var logits = d.forward(x);
        Assert.Equal(new long[] { 3 }, logits.shape);
    }

    [Fact]
    public void The_64_pixel_generator_doubles_the_grid_four_times_from_4x4_with_halving_widths()
    {
        var arch = new DcganArchitecture(64, 3, 100, 64);
        Assert.Equal(4, arch.BaseSide);
        Assert.Equal(4, arch.Upsamplings);
        Assert.Equal(new[] { 512, 256, 128, 64 }, Enumerable.Range(0, 4).Select(arch.WidthAt));
        using var g = new DcganGenerator(arch);
        var shapes = g.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(new long[] { 100, 512, 4, 4 }, shapes["net.project.weight"]);
        Assert.Equal(new long[] { 64, 3, 4, 4 }, shapes["net.out.weight"]);
        Assert.False(shapes.ContainsKey("net.project.bias"));
    }

    [Fact]
    public void Convolution_weights_start_normal_with_standard_deviation_0_02_and_batch_norm_scales_near_one()
    {
        manual_seed(1);
        using var g = new DcganGenerator(new DcganArchitecture(64, 3, 100, 32));
        var p = g.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        Assert.Equal(0.02, p["net.up1.weight"].std().item<float>(), 3);    // 256·128·16 draws
        Assert.Equal(0.0, p["net.up1.weight"].mean().item<float>(), 3);
        Assert.Equal(1.0, p["net.bn1.weight"].mean().item<float>(), 2);
        Assert.Equal(0.0, p["net.bn1.bias"].abs().max().item<float>());
    }

    [Fact]
    public void An_unsupported_image_size_is_refused_with_the_sizes_that_work()
    {
        var e = Assert.Throws<ArgumentException>(() => new DcganGenerator(new DcganArchitecture(48, 1, 10, 8)));
        Assert.Contains("image size 48 is not supported", e.Message);
        Assert.Contains("28, 32, 64", e.Message);
    }

    [Fact]
    public void The_mlp_option_produces_the_same_shapes_on_flattened_pixels()
    {
        manual_seed(0);
        using var g = new MlpGenerator(10, new long[] { 1, 28, 28 }, new MlpOptions(3, 32), tanhOutput: true);
        using var d = new MlpDiscriminator(new long[] { 1, 28, 28 }, new MlpOptions(3, 32, Activation.LeakyReLU));
        using var x = g.forward(randn(5, 10));
        Assert.Equal(new long[] { 5, 1, 28, 28 }, x.shape);
        Assert.Equal(new long[] { 5 }, d.forward(x).shape);
    }
}
