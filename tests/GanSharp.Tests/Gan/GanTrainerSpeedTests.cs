using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Tests.Gan;

public class GanTrainerSpeedTests
{
    [Fact]
    public void Generator_steps_leave_the_discriminators_trainable_and_frozen_parameters_as_they_were()
    {
        var options = new TrainingOptions(Iterations: 3, BatchSize: 16, Seed: 4);
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var mlp = new MlpOptions(2, 8);
        var g = new MlpGenerator(options.LatentDim, new long[] { 2 }, mlp);
        var d = new MlpDiscriminator(new long[] { 2 }, mlp);
        var frozen = d.parameters().First();
        frozen.requires_grad = false;
        using var data = new DistributionBatchSource(TargetDistributions.Ring(), RandomStreams.Seed(options.Seed, RandomStreams.Data));
        using var trainer = new GanTrainer(g, d, data, options);
        var before = frozen.detach().clone();

        trainer.Train();

        Assert.False(frozen.requires_grad);
        Assert.True(frozen.detach().eq(before).all().item<bool>());
        Assert.All(d.parameters().Skip(1), p => Assert.True(p.requires_grad));
        Assert.All(d.parameters().Skip(1), p => Assert.NotNull(p.grad));
    }
}
