using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Training;
using GanSharp.Evaluation;
using GanSharp.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>
/// A DCGAN on 28×28 Fashion-MNIST with the settings of Radford et al. (Adam lr 2e-4, β₁ = 0.5, non-saturating G, k = 1, 100-D noise),
/// for the experiments that need image data (10 and 12).
/// </summary>
public sealed class FashionMnistGan : IDisposable
{
    /// <summary>Dimension of z.</summary>
    public const int LatentDim = 100;

    private readonly ImageBatchSource _data;

    /// <param name="images">Training images [N, 1, 28, 28] in [−1, 1] (not owned).</param>
    /// <param name="features">DCGAN feature maps F.</param>
    /// <param name="prior">p_z.</param>
    /// <param name="batchSize">Minibatch size m.</param>
    /// <param name="iterations">Training iterations.</param>
    /// <param name="seed">Seed of the weights, the data order and the noise.</param>
    public FashionMnistGan(Tensor images, int features, NoisePrior prior, int batchSize, int iterations, int seed)
    {
        manual_seed(RandomStreams.Seed(seed, RandomStreams.Weights));
        Generator = new DcganGenerator(new DcganArchitecture(28, 1, LatentDim, features));
        Discriminator = new DcganDiscriminator(new DcganArchitecture(28, 1, LatentDim, features));
        _data = new ImageBatchSource(images, RandomStreams.Seed(seed, RandomStreams.Data));
        var adam = new OptimizerOptions(OptimizerKind.Adam, 2e-4, 0.5, 0.999);
        Trainer = new GanTrainer(Generator, Discriminator, _data,
            new TrainingOptions(iterations, batchSize, 1, GeneratorObjective.NonSaturating, prior, LatentDim, adam, adam, seed));
        Description = $"DCGAN-28 (F = {features}, {LatentDim}-D {prior.ToString().ToLowerInvariant()} noise), Adam lr 2e-4 β₁ = 0.5, non-saturating, batch {batchSize}";
    }

    /// <summary>G.</summary>
    public DcganGenerator Generator { get; }

    /// <summary>D (logits).</summary>
    public DcganDiscriminator Discriminator { get; }

    /// <summary>The trainer.</summary>
    public GanTrainer Trainer { get; }

    /// <summary>The model and its training in words, for reports.</summary>
    public string Description { get; }

    /// <summary>Trains until iteration <paramref name="until"/> (at most the configured number), calling <paramref name="afterIteration"/> after each.</summary>
    public void TrainUntil(int until, Action<int>? afterIteration = null)
    {
        until = Math.Min(until, Trainer.Options.Iterations);
        while (Trainer.Iteration < until)
        {
            Trainer.Step();
            afterIteration?.Invoke(Trainer.Iteration);
        }
    }

    /// <summary>n images of G (eval mode) from the evaluation stream of the seed, [n, 1, 28, 28] in [−1, 1].</summary>
    public Tensor Sample(int n)
    {
        using var random = new Generator((ulong)RandomStreams.Seed(Trainer.Options.Seed, RandomStreams.Preview));
        return GeneratorSamples.Draw(m => Trainer.Sample(m, random), n);
    }

    /// <summary>D's probe features (<see cref="DcganDiscriminator.Features"/>: every hidden layer pooled to 4 × 4) of <paramref name="images"/>, in eval mode, in batches of 1,000.</summary>
    public Tensor DiscriminatorFeatures(Tensor images) => Features(Discriminator, images);

    /// <summary>The probe features of any DCGAN discriminator <paramref name="discriminator"/> on <paramref name="images"/>, in eval mode.</summary>
    public static Tensor Features(DcganDiscriminator discriminator, Tensor images)
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

    /// <summary>Saves an 8 × 8 grid of samples as PNG.</summary>
    public void SaveSampleGrid(string path)
    {
        using var samples = Sample(64);
        SampleWriter.WriteGrid(path, samples, 8);
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
