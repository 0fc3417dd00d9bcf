using GanSharp.Distributions;
using GanSharp.Runs;
using GanSharp.Tests.Data;
using GanSharp.Theory.Experiments;

namespace GanSharp.Tests.Theory;

public class TheoryRunsTests
{
    [Fact]
    public void The_labs_fashion_mnist_runs_keep_radford_et_als_learning_rate_whatever_the_run_defaults_for_28_pixel_sets_are()
    {
        // The run defaults for fashion-mnist moved to 3·10⁻⁴ (RunOptions.Dcgan28LearningRate); experiments 10 and 12 state 2·10⁻⁴.
        Assert.NotEqual(TheoryRuns.RadfordLearningRate, RunOptions.Dcgan28LearningRate);
        using var data = RunData.Images(SyntheticDigits.Make(64, seed: 3));
        using var run = TheoryRuns.FashionMnist(data, features: 4, NoisePrior.Uniform, batchSize: 16, iterations: 2, seed: 0);

        Assert.Equal(2e-4, run.Options.LrG);
        Assert.Equal(2e-4, run.Options.LrD);
        Assert.Equal(4, run.Options.Features);
        Assert.Equal(16, run.Options.BatchSize);
        Assert.Equal(NoisePrior.Uniform, run.Options.Prior);
        Assert.Contains("Adam lr 0.0002 ", TheoryRuns.Describe(run.Options));
    }
}
