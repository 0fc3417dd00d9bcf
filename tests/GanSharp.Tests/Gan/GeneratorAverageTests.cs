using GanSharp.Gan;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Gan;

public class GeneratorAverageTests
{
    [Fact]
    public void The_average_starts_as_a_copy_and_moves_by_one_minus_beta_towards_each_new_weight()
    {
        manual_seed(1);
        var live = Linear(2, 1);
        using var average = new GeneratorAverage(live, Linear(2, 1), 0.9, randn(8, 2));
        var start = live.weight!.data<float>().ToArray();
        Assert.Equal(start, ((Linear)average.Generator).weight!.data<float>().ToArray());

        using (no_grad()) live.weight!.add_(1);
        average.Update();   // θ̄ = 0.9 θ̄ + 0.1 (θ̄ + 1) = θ̄ + 0.1
        var moved = ((Linear)average.Generator).weight!.data<float>().ToArray();
        for (int i = 0; i < start.Length; i++) Assert.Equal(start[i] + 0.1f, moved[i], 5);
        average.Update();   // θ̄ + 0.1 + 0.1·0.9 = θ̄ + 0.19
        moved = ((Linear)average.Generator).weight!.data<float>().ToArray();
        for (int i = 0; i < start.Length; i++) Assert.Equal(start[i] + 0.19f, moved[i], 5);
        live.Dispose();
    }

    [Fact]
    public void The_averaged_batch_norm_takes_the_statistics_of_the_averaged_weights_on_the_fixed_noise_not_those_of_G()
    {
        manual_seed(2);
        var live = Sequential(("linear", Linear(2, 3)), ("bn", BatchNorm1d(3)));
        var copy = Sequential(("linear", Linear(2, 3)), ("bn", BatchNorm1d(3)));
        var noise = randn(64, 2);
        var z = noise.clone();
        using var average = new GeneratorAverage(live, copy, 0.5, noise);

        // G trains: its weights move, and its batch norm gathers statistics of its own activations on other inputs.
        live.train();
        using (no_grad())
        {
            ((Linear)live[0]).weight!.add_(2);
            live.forward(randn(64, 2) * 5);
        }
        average.Update();

        var averaged = average.Generator;
        var linear = (Linear)((Sequential)averaged)[0];
        var bn = (BatchNorm1d)((Sequential)averaged)[1];
        using var h = no_grad();
        var activations = linear.forward(z);                        // [64, 3]: the averaged G's input to its batch norm
        var mean = activations.mean(new long[] { 0 }).data<float>().ToArray();
        var variance = activations.var(0, unbiased: true).data<float>().ToArray();
        var runningMean = bn.running_mean!.data<float>().ToArray();
        var runningVariance = bn.running_var!.data<float>().ToArray();
        var liveMean = ((BatchNorm1d)live[1]).running_mean!.data<float>().ToArray();
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(mean[c], runningMean[c], 4);
            Assert.Equal(variance[c], runningVariance[c], 4);
            Assert.NotEqual(liveMean[c], runningMean[c], 2);
        }
        Assert.False(averaged.training);
        Assert.Equal(0.1, bn.momentum);   // the usual momentum is back for anyone who trains this module

        // Read again without an update: the same statistics.
        var again = ((BatchNorm1d)((Sequential)average.Generator)[1]).running_mean!.data<float>().ToArray();
        Assert.Equal(runningMean, again);
        live.Dispose();
        z.Dispose();
    }

    [Fact]
    public void A_decay_outside_zero_to_one_is_refused()
    {
        using var live = Linear(2, 1);
        using var other = Linear(2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorAverage(live, other, 1.0, randn(4, 2)));
    }
}
