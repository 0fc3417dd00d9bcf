using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Baselines;

/// <summary>
/// Fits a <see cref="PixelGaussianMixture"/> to all the run's images by EM: one iteration is one EM step over the whole training set
/// (so an epoch is one iteration). The negative mean log-likelihood before the step, −(1/N) Σ_i log q(x_i) in nats per image, is
/// reported as <see cref="IterationStats.GeneratorLoss"/>; a mixture has no discriminator, so the D columns are 0.
/// </summary>
public sealed class GaussianMixtureTrainer : IBaselineTrainer
{
    private readonly PixelGaussianMixture _mixture;
    private readonly Tensor _images;
    private readonly RandomStream _noise;
    private readonly Device _device;

    /// <param name="components">K.</param>
    /// <param name="images">The training images [N, C, S, S] (not owned).</param>
    /// <param name="seed">The run's seed (the initial means are drawn from its weight stream).</param>
    /// <param name="data">The run's batch source (unused by EM, which reads every image each step; kept so checkpoints have one format).</param>
    /// <param name="device">Where the mixture and the arithmetic live.</param>
    public GaussianMixtureTrainer(int components, Tensor images, int seed, IBatchSource data, Device device)
    {
        _device = device;
        _images = images;
        Data = data;
        _mixture = new PixelGaussianMixture(components, images.shape.Skip(1).ToArray());
        _mixture.to(device);
        using (var scope = NewDisposeScope())
        using (var init = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Weights)))
            _mixture.Initialize(images.to(device), init);
        _noise = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Noise));
    }

    /// <summary>The mixture.</summary>
    public PixelGaussianMixture Mixture => _mixture;

    /// <inheritdoc />
    public Module<Tensor, Tensor> Sampler => _mixture;

    /// <inheritdoc />
    public IBatchSource Data { get; }

    /// <inheritdoc />
    public RandomStream NoiseStream => _noise;

    /// <inheritdoc />
    public int Iteration { get; set; }

    /// <inheritdoc />
    public IterationStats Step()
    {
        double meanLogLikelihood;
        using (var scope = NewDisposeScope()) meanLogLikelihood = _mixture.EmStep(_images.to(_device));
        Iteration++;
        var stats = new IterationStats(Iteration, 0, -meanLogLikelihood, 0, 0, 0, 0);
        if (!double.IsFinite(meanLogLikelihood)) throw new TrainingDivergedException(stats);
        return stats;
    }

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var z = PriorSampler.Sample(NoisePrior.Normal, n, _mixture.LatentDim, stream, _device);
        return _mixture.forward(z).cpu().MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void SaveState(BinaryWriter writer) => writer.Write(_mixture.Components);

    /// <inheritdoc />
    public void LoadState(BinaryReader reader)
    {
        int components = reader.ReadInt32();
        if (components != _mixture.Components) throw new InvalidDataException($"The checkpoint holds a mixture of {components} components; this run has {_mixture.Components}.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _noise.Dispose();
        _mixture.Dispose();
    }
}
