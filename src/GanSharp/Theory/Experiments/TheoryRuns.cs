using System.Globalization;
using System.Text.Json.Nodes;
using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Evaluation;
using GanSharp.Gan;
using GanSharp.Metrics;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Runs;
using GanSharp.Runtime;
using GanSharp.Sampling;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>
/// The runs the experiments that train the whole game (8–12) use: presets of the one <see cref="GanRun"/>, in memory, with the
/// thread count the run chooses for their size.
/// </summary>
public static class TheoryRuns
{
    /// <summary>Dimension of z in the Fashion-MNIST runs.</summary>
    public const int ImageLatentDim = 100;

    /// <summary>
    /// A GAN on a toy target with the usual settings of the toy experiments: MLP G and D of <paramref name="shape"/> (ReLU), Adam
    /// (lr 10⁻³, β = (0.5, 0.999)), 2-D noise; the seed seeds the weights, the data and the noise. <paramref name="extra"/> adds or
    /// overrides settings (snake_case keys, as in config.json).
    /// </summary>
    public static GanRun Toy(RunData target, int iterations, int seed, MlpOptions shape, GanObjective objective = GanObjective.NonSaturating,
        NoisePrior prior = NoisePrior.Normal, int batchSize = 256, int discriminatorSteps = 1, ReplayOptions? replay = null, JsonObject? extra = null)
    {
        var settings = new JsonObject
        {
            ["data"] = target.Target!.Dimension == 1 ? "gaussian1d" : "ring",
            ["iterations"] = iterations,
            ["seed"] = seed,
            ["objective"] = SettingNames.Name(objective),
            ["prior"] = SettingNames.Name(prior),
            ["batch_size"] = batchSize,
            ["k"] = discriminatorSteps,
            ["g_layers"] = shape.HiddenLayers,
            ["g_width"] = shape.Width,
            ["d_layers"] = shape.HiddenLayers,
            ["d_width"] = shape.Width,
            ["activation"] = SettingNames.Name(shape.Activation),
        };
        if (replay is not null)
        {
            settings["replay_fraction"] = replay.Fraction;
            settings["replay_capacity"] = replay.Capacity;
        }
        foreach (var (key, value) in extra ?? new JsonObject()) settings[key] = value?.DeepClone();
        // The data setting names the kind (and, for built-in targets, the target); the run trains on the target it is given.
        var options = RunOptions.Resolve(settings);
        if (RunOptions.KindOf(target.Target.Name) == DataKind.Points) options = options with { Data = target.Target.Name };
        return GanRun.InMemory(options, target, chooseThreads: true);
    }

    /// <summary>Adam's learning rate in Radford et al. (2016), used by the lab's Fashion-MNIST runs.</summary>
    public const double RadfordLearningRate = 2e-4;

    /// <summary>
    /// A DCGAN on 28×28 Fashion-MNIST with the settings of Radford et al. (Adam lr 2·10⁻⁴, β₁ = 0.5, non-saturating G, k = 1, 100-D noise)
    /// for <paramref name="iterations"/> iterations. The learning rate is set here, not taken from the run defaults: those moved to
    /// 3·10⁻⁴ for 28-pixel sets (session 10), and an experiment's settings must not move with them.
    /// </summary>
    /// <param name="images">The training images [N, 1, 28, 28] in [−1, 1] (owned by the caller).</param>
    /// <param name="features">DCGAN feature maps F.</param>
    /// <param name="prior">p_z.</param>
    /// <param name="batchSize">Minibatch size m.</param>
    /// <param name="iterations">Training iterations.</param>
    /// <param name="seed">Seed of the weights, the data order and the noise.</param>
    public static GanRun FashionMnist(RunData images, int features, NoisePrior prior, int batchSize, int iterations, int seed)
    {
        long perEpoch = images.Dataset!.Count / batchSize;
        var options = RunOptions.Resolve(new JsonObject
        {
            ["data"] = ImageDatasets.FashionMnistName,
            ["features"] = features,
            ["prior"] = SettingNames.Name(prior),
            ["batch_size"] = batchSize,
            ["lr_d"] = RadfordLearningRate,
            ["lr_g"] = RadfordLearningRate,
            ["iterations"] = iterations,
            ["epochs"] = (int)(iterations / Math.Max(1, perEpoch)) + 1,
            ["seed"] = seed,
        });
        return GanRun.InMemory(options, images, chooseThreads: true);
    }

    /// <summary>The Fashion-MNIST run's model and training in words, for reports.</summary>
    public static string Describe(RunOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"DCGAN-28 (F = {options.Features}, {options.LatentDim}-D {SettingNames.Name(options.Prior)} noise), Adam lr {options.LrG:G} β₁ = {options.Beta1}, {SettingNames.Name(options.Objective)}, batch {options.BatchSize}");

    /// <summary>Runs every iteration; returns the mean minibatch V̂ over the last tenth of them.</summary>
    public static double TrainAndAverageValue(GanRun run)
    {
        var values = new List<double>();
        int tail = Math.Max(1, run.TotalIterations / 10);
        while (run.Iteration < run.TotalIterations)
        {
            var stats = run.Step();
            if (stats.Iteration > run.TotalIterations - tail) values.Add(stats.Value);
        }
        return values.Count == 0 ? double.NaN : values.Average();
    }

    /// <summary>Trains until iteration <paramref name="until"/> (at most the run's), calling <paramref name="afterIteration"/> after each.</summary>
    public static void TrainUntil(GanRun run, int until, Action<int>? afterIteration = null)
    {
        until = Math.Min(until, run.TotalIterations);
        while (run.Iteration < until)
        {
            run.Step();
            afterIteration?.Invoke(run.Iteration);
        }
    }

    /// <summary>Mode metrics of the 2,500 preview samples.</summary>
    public static ModeReport ScoreModes(GanRun run, IModalDistribution target)
    {
        using var samples = run.SamplePreview(ModeMetrics.StandardSampleCount);
        return ModeMetrics.Compute(samples, target);
    }

    /// <summary>n samples of G from the preview stream (drawn in batches for images), on the CPU.</summary>
    public static Tensor Sample(GanRun run, int n)
    {
        using var preview = new RandomStream((ulong)RandomStreams.Seed(run.Options.Seed, RandomStreams.Preview));
        return GeneratorSamples.Draw(m => run.Trainer.Sample(m, preview), n);
    }

    /// <summary>Saves an 8 × 8 grid of preview samples as PNG.</summary>
    public static void SaveSampleGrid(GanRun run, string path)
    {
        using var samples = Sample(run, 64);
        SampleWriter.WriteGrid(path, samples, 8);
    }

    /// <summary>The probe features of a DCGAN discriminator (every hidden layer pooled to 4 × 4) on <paramref name="images"/>, in eval mode, in batches of 1,000.</summary>
    public static Tensor DiscriminatorFeatures(DcganDiscriminator discriminator, Tensor images)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool wasTraining = discriminator.training;
        discriminator.eval();
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += 1000)
            parts.Add(discriminator.Features(images.narrow(0, start, Math.Min(1000, images.shape[0] - start))));
        if (wasTraining) discriminator.train();
        return cat(parts, 0).MoveToOuterDisposeScope();
    }
}
