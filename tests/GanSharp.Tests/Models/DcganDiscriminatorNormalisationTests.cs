using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

public class DcganDiscriminatorNormalisationTests
{
    // Batch norm in training mode normalises over the batch, so a D that is shown a batch of only generated images cannot see what
    // they all share. The spectrally normalised D has no batch norm: each image's score is its own.
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Only_the_batch_normalised_discriminator_scores_an_image_by_the_rest_of_its_batch(bool spectralNorm, bool dependsOnBatch)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var d = new DcganDiscriminator(new DcganArchitecture(32, 3, 16, 8), spectralNorm);
        d.train();
        using var image = rand(1, 3, 32, 32) * 2 - 1;
        using var grey = zeros(7, 3, 32, 32);
        using var bright = full(new long[] { 7, 3, 32, 32 }, 0.8f);
        using var _ = no_grad();
        // Each training-mode pass of spectral norm takes one power-iteration step; converge it first so that the two passes below
        // divide by the same σ.
        for (int i = 0; i < 300; i++) d.forward(image).Dispose();
        using var withGrey = d.forward(cat(new[] { image, grey }));
        using var withBright = d.forward(cat(new[] { image, bright }));
        double change = Math.Abs(withGrey[0].item<float>() - withBright[0].item<float>());
        if (dependsOnBatch) Assert.True(change > 1e-2, $"the batch-normalised D's score moved by only {change}");
        else Assert.True(change < 1e-5, $"the spectrally normalised D's score moved by {change}");
        Assert.Equal(!spectralNorm, d.named_modules().Any(m => m.module is TorchSharp.Modules.BatchNorm2d));
    }
}
