using GanSharp.Data;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

public class DcganDiscriminatorLearningTests
{
    [Fact]
    public void Twenty_training_steps_teach_the_discriminator_to_tell_real_images_from_generated_noise()
    {
        // Real images: bright vertical bars on a dark background, at random columns.
        manual_seed(5);
        using var columns = randint(0, 28, new long[] { 64 });
        using var images = (arange(28).reshape(1, 1, 1, 28) - columns.reshape(64, 1, 1, 1)).abs().le(1).to_type(float32).mul(2).sub(1).expand(64, 1, 28, 28).contiguous();
        using var data = new ImageBatchSource(images, seed: 1);
        var options = new TrainingOptions(Iterations: 0, BatchSize: 16, LatentDim: 8,
            DiscriminatorOptimizer: new OptimizerOptions(LearningRate: 1e-3), GeneratorOptimizer: new OptimizerOptions(LearningRate: 1e-4), Seed: 3);
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var g = new DcganGenerator(new DcganArchitecture(28, 1, 8, 8));
        var d = new DcganDiscriminator(new DcganArchitecture(28, 1, 8, 8));
        using var trainer = new GanTrainer(g, d, data, options);

        // D's own view during training (batch norm in training mode, as in every D step): mean D(x) on real and on generated batches.
        var first = trainer.Step();
        IterationStats last = first;
        for (int i = 1; i < 20; i++) last = trainer.Step();

        Assert.True(Math.Abs(first.MeanDReal - first.MeanDFake) < 0.1, $"untrained D barely separates: {first.MeanDReal:F3} vs {first.MeanDFake:F3}");
        Assert.True(last.MeanDReal - last.MeanDFake > 0.3, $"after 20 steps mean D(real) = {last.MeanDReal:F3}, mean D(G(z)) = {last.MeanDFake:F3}; expected a gap > 0.3");
    }
}
