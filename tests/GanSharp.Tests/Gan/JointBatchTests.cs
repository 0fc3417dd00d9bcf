using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Tests.Gan;

public class JointBatchTests
{
    /// <summary>A "generator" whose samples are the data moved by a constant: what every sample of its batch shares.</summary>
    private sealed class ShiftedData : Module<Tensor, Tensor>
    {
        private readonly Tensor _shifted;
        private readonly Parameter _unused = Parameter(zeros(1));
        public ShiftedData(Tensor points, float shift) : base(nameof(ShiftedData))
        {
            _shifted = points + shift;
            RegisterComponents();
        }
        public override Tensor forward(Tensor z) => _shifted + _unused * 0;
    }

    /// <summary>D(x) = w₂·LeakyReLU(BN(W₁x)): the batch norm subtracts each feature's batch mean, so it cannot see W₁·shift alone.</summary>
    private sealed class BatchNormCritic : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> _net = Sequential(Linear(2, 16), BatchNorm1d(16), LeakyReLU(0.2), Linear(16, 1));
        public BatchNormCritic() : base(nameof(BatchNormCritic)) => RegisterComponents();
        public override Tensor forward(Tensor x) => _net.forward(x).squeeze(-1);
    }

    private static IterationStats[] Train(bool joint, float shift, int iterations)
    {
        manual_seed(7);
        using var points = randn(8, 2);
        var options = new TrainingOptions(Iterations: iterations, BatchSize: 8, JointBatch: joint,
            DiscriminatorOptimizer: new GanSharp.Gan.OptimizerOptions(LearningRate: 1e-2));
        using var trainer = new GanTrainer(new ShiftedData(points, shift), new BatchNormCritic(), new FixedPointBatch(points.clone()), options);
        return Enumerable.Range(0, iterations).Select(_ => trainer.Step()).ToArray();
    }

    [Fact]
    public void A_batch_normalised_D_judging_its_batches_apart_cannot_see_a_shift_every_generated_sample_shares()
    {
        // Generated = data + 3: batch norm over the generated batch alone takes the shift out with the mean, so D's outputs on the
        // two batches agree at every step however long D trains.
        foreach (var stats in Train(joint: false, shift: 3, iterations: 60))
            Assert.True(Math.Abs(stats.MeanDReal - stats.MeanDFake) < 1e-5, $"iteration {stats.Iteration}: D(x) {stats.MeanDReal} vs D(G(z)) {stats.MeanDFake}");
    }

    [Fact]
    public void Judged_in_one_batch_the_same_D_learns_to_tell_the_shifted_samples_from_the_data()
    {
        var stats = Train(joint: true, shift: 3, iterations: 60);
        var last = stats[^1];
        Assert.True(last.MeanDReal - last.MeanDFake > 0.5, $"D(x) {last.MeanDReal} vs D(G(z)) {last.MeanDFake}");

        // Without a shift the joint batch [x; x] has the statistics of x alone: the same numbers as two passes.
        var joint = Train(joint: true, shift: 0, iterations: 5);
        var apart = Train(joint: false, shift: 0, iterations: 5);
        for (int i = 0; i < 5; i++) Assert.Equal(apart[i].DiscriminatorLoss, joint[i].DiscriminatorLoss, 5);
    }

    [Fact]
    public void For_a_D_without_batch_norm_one_joint_pass_gives_the_numbers_of_two_and_draws_the_same_data()
    {
        IterationStats[] Run(bool joint)
        {
            var options = new TrainingOptions(Iterations: 5, BatchSize: 16, LatentDim: 2, DiscriminatorSteps: 2, JointBatch: joint, Seed: 3);
            manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
            var mlp = new MlpOptions(2, 16);
            using var trainer = new GanTrainer(new MlpGenerator(2, new long[] { 2 }, mlp), new MlpDiscriminator(new long[] { 2 }, mlp),
                new DistributionBatchSource(TargetDistributions.Ring(), RandomStreams.Seed(options.Seed, RandomStreams.Data)), options);
            return Enumerable.Range(0, 5).Select(_ => trainer.Step()).ToArray();
        }

        var (joint, apart) = (Run(true), Run(false));
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(apart[i].DiscriminatorLoss, joint[i].DiscriminatorLoss, 4);
            Assert.Equal(apart[i].GeneratorLoss, joint[i].GeneratorLoss, 4);
            Assert.Equal(apart[i].MeanDFake, joint[i].MeanDFake, 4);
        }
    }
}
