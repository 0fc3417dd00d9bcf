using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Tests.Gan;

public class GanTrainerTests
{
    private sealed class CountingSource : IBatchSource
    {
        private readonly IBatchSource _inner;
        public CountingSource(IBatchSource inner) => _inner = inner;
        public int Calls { get; private set; }
        public float Fill { get; init; } = float.NaN;
        public bool Poison { get; init; }
        public long[] SampleShape => _inner.SampleShape;
        public Tensor NextBatch(int m)
        {
            Calls++;
            var x = _inner.NextBatch(m);
            if (Poison) x.fill_(Fill);
            return x;
        }
        public BatchSourceState SaveState() => _inner.SaveState();
        public void LoadState(BatchSourceState state) => _inner.LoadState(state);
        public void Dispose() => _inner.Dispose();
    }

    private static (GanTrainer Trainer, CountingSource Source) Build(TrainingOptions options, bool poison = false)
    {
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var mlp = new MlpOptions(2, 16);
        var g = new MlpGenerator(options.LatentDim, new long[] { 2 }, mlp);
        var d = new MlpDiscriminator(new long[] { 2 }, mlp);
        var source = new CountingSource(new DistributionBatchSource(TargetDistributions.Ring(), RandomStreams.Seed(options.Seed, RandomStreams.Data))) { Poison = poison };
        return (new GanTrainer(g, d, source, options), source);
    }

    [Fact]
    public void Each_iteration_draws_k_fresh_data_batches()
    {
        var (trainer, source) = Build(new TrainingOptions(Iterations: 4, BatchSize: 8, DiscriminatorSteps: 3));
        using var _ = trainer;
        trainer.Train();
        Assert.Equal(4, trainer.Iteration);
        Assert.Equal(12, source.Calls);
    }

    [Fact]
    public void One_discriminator_step_moves_only_D_and_one_generator_step_moves_only_G()
    {
        var (trainer, source) = Build(new TrainingOptions(Iterations: 4, BatchSize: 8));
        using var _ = trainer;
        float[] Weights(TorchSharp.torch.nn.Module module) =>
            module.parameters().SelectMany(p => p.detach().cpu().flatten().data<float>().ToArray()).ToArray();

        var (g0, d0) = (Weights(trainer.Generator), Weights(trainer.Discriminator));
        double dLoss = trainer.StepDiscriminator();
        var (g1, d1) = (Weights(trainer.Generator), Weights(trainer.Discriminator));
        Assert.Equal(g0, g1);
        Assert.NotEqual(d0, d1);
        Assert.Equal(1, source.Calls);

        double gLoss = trainer.StepGenerator();
        var (g2, d2) = (Weights(trainer.Generator), Weights(trainer.Discriminator));
        Assert.NotEqual(g1, g2);
        Assert.Equal(d1, d2);
        Assert.Equal(1, source.Calls);

        Assert.True(double.IsFinite(dLoss) && dLoss > 0);
        Assert.True(double.IsFinite(gLoss) && gLoss > 0);
        Assert.Equal(0, trainer.Iteration);
    }

    [Fact]
    public void Same_seed_gives_the_same_numbers_and_another_seed_does_not()
    {
        IterationStats[] Run(int seed)
        {
            var (trainer, _) = Build(new TrainingOptions(Iterations: 10, BatchSize: 32, Seed: seed, DiscriminatorOptimizer: new OptimizerOptions(LearningRate: 1e-3), GeneratorOptimizer: new OptimizerOptions(LearningRate: 1e-3)));
            using var t = trainer;
            var stats = new List<IterationStats>();
            t.IterationCompleted += stats.Add;
            t.Train();
            return stats.ToArray();
        }
        var a = Run(5);
        var b = Run(5);
        var c = Run(6);
        Assert.Equal(a, b);
        Assert.NotEqual(a[^1].GeneratorLoss, c[^1].GeneratorLoss);
    }

    [Fact]
    public void Reported_numbers_agree_with_the_losses_and_gradients_they_describe()
    {
        var options = new TrainingOptions(Iterations: 1, BatchSize: 64, Objective: GanObjective.NonSaturating);
        var (trainer, _) = Build(options);
        using var t = trainer;
        var s = t.Step();
        Assert.Equal(-s.DiscriminatorLoss, s.Value, 6);
        Assert.InRange(s.MeanDReal, 0, 1);
        Assert.InRange(s.MeanDFake, 0, 1);
        // The generator's gradients are left in place after the step: recompute their norm.
        double sq = t.Generator.parameters().Sum(p => p.grad!.pow(2).sum().item<float>());
        Assert.Equal(Math.Sqrt(sq), s.GeneratorGradNorm, 4);
        Assert.True(s.GeneratorGradNorm > 0);
    }

    [Fact]
    public void Discriminator_steps_raise_D_on_data_and_lower_it_on_samples_of_a_frozen_generator()
    {
        // G barely moves (tiny learning rate), so D alone learns to separate the ring from G's blob.
        var options = new TrainingOptions(Iterations: 150, BatchSize: 128, DiscriminatorSteps: 1,
            DiscriminatorOptimizer: new OptimizerOptions(LearningRate: 3e-3), GeneratorOptimizer: new OptimizerOptions(OptimizerKind.Sgd, 1e-9, Momentum: 0));
        var (trainer, _) = Build(options);
        using var t = trainer;
        var first = t.Step();
        IterationStats last = first;
        while (t.Iteration < options.Iterations) last = t.Step();
        Assert.True(last.MeanDReal > 0.8, $"D(real) = {last.MeanDReal}");
        Assert.True(last.MeanDFake < 0.2, $"D(fake) = {last.MeanDFake}");
        Assert.True(last.Value > first.Value + 0.5, $"V went from {first.Value} to {last.Value}");
    }

    [Fact]
    public void Non_finite_losses_stop_training_and_name_the_iteration()
    {
        var (trainer, _) = Build(new TrainingOptions(Iterations: 5, BatchSize: 8), poison: true);
        using var t = trainer;
        var e = Assert.Throws<TrainingDivergedException>(() => t.Train());
        Assert.Equal(1, e.Stats.Iteration);
        Assert.Contains("iteration 1", e.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem_named()
    {
        var bad = new TrainingOptions(BatchSize: 0, DiscriminatorSteps: 0, GeneratorOptimizer: new OptimizerOptions(LearningRate: -1));
        var problems = bad.Validate();
        Assert.Contains(problems, p => p.Contains("batch size"));
        Assert.Contains(problems, p => p.Contains("discriminator steps"));
        Assert.Contains(problems, p => p.Contains("generator optimiser") && p.Contains("learning rate"));
        var e = Assert.Throws<ArgumentException>(() => Build(bad));
        Assert.Contains("batch size", e.Message);
    }

    [Fact]
    public void Sampling_uses_its_own_generator_and_leaves_training_mode_on()
    {
        var (trainer, _) = Build(new TrainingOptions(Iterations: 1, BatchSize: 8));
        using var t = trainer;
        using var g1 = new RandomStream(9);
        using var g2 = new RandomStream(9);
        using var a = t.Sample(16, g1);
        using var b = t.Sample(16, g2);
        Assert.Equal(new long[] { 16, 2 }, a.shape);
        Assert.True(a.eq(b).all().item<bool>());
        Assert.True(t.Generator.training);
        using var d = t.DiscriminatorProbability(a);
        Assert.Equal(new long[] { 16 }, d.shape);
    }

    [Fact]
    public void Random_stream_seeds_differ_between_streams_and_are_stable()
    {
        Assert.Equal(RandomStreams.Seed(1, RandomStreams.Noise), RandomStreams.Seed(1, RandomStreams.Noise));
        Assert.NotEqual(RandomStreams.Seed(1, RandomStreams.Noise), RandomStreams.Seed(1, RandomStreams.Data));
        Assert.NotEqual(RandomStreams.Seed(1, RandomStreams.Noise), RandomStreams.Seed(2, RandomStreams.Noise));
        Assert.True(RandomStreams.Seed(123, RandomStreams.Weights) >= 0);
    }

    [Fact]
    public void Building_a_trainer_leaves_the_thread_count_the_application_chose()
    {
        int before = get_num_threads();
        int chosen = before == 1 ? 2 : 1;
        set_num_threads(chosen);
        try
        {
            var (trainer, _) = Build(new TrainingOptions(Iterations: 1, BatchSize: 4096));
            using var t = trainer;
            t.Step();
            Assert.Equal(chosen, get_num_threads());
        }
        finally
        {
            set_num_threads(before);
        }
    }

    [Fact]
    public void The_linear_schedule_scales_both_learning_rates_by_one_minus_t_over_t_total()
    {
        var options = new TrainingOptions(Iterations: 4, BatchSize: 8, Schedule: LearningRateSchedule.Linear,
            DiscriminatorOptimizer: new OptimizerOptions(LearningRate: 0.2), GeneratorOptimizer: new OptimizerOptions(LearningRate: 0.4));
        var (trainer, _) = Build(options);
        using var t = trainer;
        var seen = new List<(double D, double G)>();
        for (int i = 0; i < 4; i++)
        {
            t.Step();
            seen.Add((t.DiscriminatorOptimizer.ParamGroups.First().LearningRate, t.GeneratorOptimizer.ParamGroups.First().LearningRate));
        }
        // Iteration t (0-based) runs with η₀ (1 − t / 4).
        Assert.Equal(new[] { (0.2, 0.4), (0.15, 0.3), (0.1, 0.2), (0.05, 0.1) }, seen.Select(x => (Math.Round(x.D, 12), Math.Round(x.G, 12))));
    }
}
