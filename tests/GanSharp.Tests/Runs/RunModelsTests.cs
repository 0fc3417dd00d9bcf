using GanSharp.Runs;
using static TorchSharp.torch;

namespace GanSharp.Tests.Runs;

public class RunModelsTests
{
    private static long[] ShapeOf(TorchSharp.torch.nn.Module module, string parameter) =>
        module.named_parameters().Single(p => p.name == parameter).parameter.shape;

    [Fact]
    public void A_dcgan_discriminator_takes_its_own_width_when_d_features_is_given_and_g_keeps_features()
    {
        var options = Settings.Of("stacked-mnist", ("features", 8), ("d_features", 24), ("pack", 2), ("batch_size", 4));
        random.manual_seed(0);
        var (generator, discriminator) = RunModels.Create(options, new long[] { 3, 28, 28 });
        using (generator)
        using (discriminator)
        {
            // G at 28 pixels: out takes F = 8 maps to 3 channels; D's first convolution takes pack·C = 6 channels to F_D = 24 maps,
            // its second 24 → 48, and its logit reads 48 maps over the 7 × 7 grid.
            Assert.Equal(new long[] { 8, 3, 4, 4 }, ShapeOf(generator, "net.out.weight"));
            Assert.Equal(new long[] { 24, 6, 4, 4 }, ShapeOf(discriminator, "net.down0.weight"));
            Assert.Equal(new long[] { 48, 24, 4, 4 }, ShapeOf(discriminator, "net.down1.weight"));
            using var logits = discriminator.forward(zeros(2, 6, 28, 28));
            Assert.Equal(new long[] { 2 }, logits.shape);
        }
    }

    [Fact]
    public void Without_d_features_both_players_take_features()
    {
        var options = Settings.Of("stacked-mnist", ("features", 8), ("batch_size", 4));
        Assert.Null(options.DFeatures);
        Assert.Equal(8, options.DiscriminatorFeatures);
        random.manual_seed(0);
        var (generator, discriminator) = RunModels.Create(options, new long[] { 3, 28, 28 });
        using (generator)
        using (discriminator)
            Assert.Equal(new long[] { 8, 3, 4, 4 }, ShapeOf(discriminator, "net.down0.weight"));
    }

    [Fact]
    public void D_features_also_set_the_width_of_a_spectrally_normalised_discriminator_with_the_minibatch_spread()
    {
        var options = Settings.Of("stacked-mnist", ("features", 8), ("d_features", 12), ("pack", 2), ("batch_size", 4),
            ("spectral_norm", true), ("minibatch_std", true));
        random.manual_seed(0);
        var (generator, discriminator) = RunModels.Create(options, new long[] { 3, 28, 28 });
        using (generator)
        using (discriminator)
        {
            // Spectral norm wraps each convolution (its weight under .layer) and drops batch norm; the spread adds one map, so the
            // logit reads 2·F_D + 1 = 25 maps over the 7 × 7 grid. G keeps F = 8.
            Assert.Equal(new long[] { 8, 3, 4, 4 }, ShapeOf(generator, "net.out.weight"));
            Assert.Equal(new long[] { 12, 6, 4, 4 }, ShapeOf(discriminator, "net.down0.layer.weight"));
            Assert.Equal(new long[] { 24, 12, 4, 4 }, ShapeOf(discriminator, "net.down1.layer.weight"));
            Assert.Equal(new long[] { 1, 25, 7, 7 }, ShapeOf(discriminator, "net.logit.layer.weight"));
            Assert.DoesNotContain(discriminator.named_parameters(), p => p.name.Contains(".bn", StringComparison.Ordinal));
            using var logits = discriminator.forward(randn(4, 6, 28, 28));
            Assert.Equal(new long[] { 4 }, logits.shape);
        }
    }
}
