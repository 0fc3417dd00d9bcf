using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Metrics;
using GanSharp.Models;
using GanSharp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>A GAN on a toy target (MLP G and D, the library's trainer), for the experiments that train the whole game (8–11).</summary>
public sealed class ToyGan : IDisposable
{
    private readonly DistributionBatchSource _data;

    /// <param name="target">P_data.</param>
    /// <param name="options">Algorithm 1's settings (its seed seeds the weights too).</param>
    /// <param name="shape">Shape of both G and D.</param>
    public ToyGan(ITargetDistribution target, TrainingOptions options, MlpOptions shape)
    {
        Target = target;
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        Generator = new MlpGenerator(options.LatentDim, new long[] { target.Dimension }, shape);
        Discriminator = new MlpDiscriminator(new long[] { target.Dimension }, shape);
        _data = new DistributionBatchSource(target, RandomStreams.Seed(options.Seed, RandomStreams.Data));
        Trainer = new GanTrainer(Generator, Discriminator, _data, options);
    }

    /// <summary>P_data.</summary>
    public ITargetDistribution Target { get; }

    /// <summary>G.</summary>
    public MlpGenerator Generator { get; }

    /// <summary>D (logits).</summary>
    public MlpDiscriminator Discriminator { get; }

    /// <summary>The trainer.</summary>
    public GanTrainer Trainer { get; }

    /// <summary>The usual GAN settings for the toy experiments: Adam (lr 1e-3, β = 0.5, 0.999), k = 1, 2-D noise.</summary>
    public static TrainingOptions Options(int iterations, int seed, GanSharp.Objectives.GeneratorObjective objective = GanSharp.Objectives.GeneratorObjective.NonSaturating,
        NoisePrior prior = NoisePrior.Normal, int batchSize = 256, int discriminatorSteps = 1) =>
        new(iterations, batchSize, discriminatorSteps, objective, prior, 2,
            new OptimizerOptions(OptimizerKind.Adam, 1e-3), new OptimizerOptions(OptimizerKind.Adam, 1e-3), seed);

    /// <summary>Runs all iterations; returns the mean minibatch V̂ over the last tenth of them.</summary>
    public double Train()
    {
        var values = new List<double>();
        int tail = Math.Max(1, Trainer.Options.Iterations / 10);
        Trainer.IterationCompleted += s => { if (s.Iteration > Trainer.Options.Iterations - tail) values.Add(s.Value); };
        Trainer.Train();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    /// <summary>Mode metrics of 2,500 samples drawn with the evaluation stream.</summary>
    public ModeReport Evaluate(IModalDistribution target)
    {
        using var random = new Generator((ulong)RandomStreams.Seed(Trainer.Options.Seed, RandomStreams.Preview));
        using var samples = Trainer.Sample(ModeMetrics.StandardSampleCount, random);
        return ModeMetrics.Compute(samples, target);
    }

    /// <summary>n samples of G from the evaluation stream.</summary>
    public Tensor Sample(int n)
    {
        using var random = new Generator((ulong)RandomStreams.Seed(Trainer.Options.Seed, RandomStreams.Preview));
        return Trainer.Sample(n, random);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Trainer.Dispose();
        _data.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
    }
}
