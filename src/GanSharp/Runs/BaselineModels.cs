using GanSharp.Baselines;
using GanSharp.Data;
using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Runs;

/// <summary>Builds the trainer of a baseline model (<c>ae</c>, <c>vae</c>, <c>gmm</c>) from a run's settings.</summary>
public static class BaselineModels
{
    /// <summary>Whether <paramref name="model"/> is a baseline rather than a GAN's pair of networks.</summary>
    public static bool IsBaseline(ModelKind model) => model is ModelKind.Ae or ModelKind.Vae or ModelKind.Gmm;

    /// <summary>The trainer of <paramref name="options"/>' baseline on <paramref name="data"/>'s images (initialised from the global random stream: seed it first).</summary>
    public static IBaselineTrainer Create(RunOptions options, RunData data, IBatchSource source, Device device) => options.Model switch
    {
        ModelKind.Ae or ModelKind.Vae => new AutoEncoderTrainer(options.Model == ModelKind.Vae, Architecture(options),
            new Gan.OptimizerOptions(options.OptimizerG, options.LrG, options.Beta1, options.Beta2, options.Momentum),
            options.BatchSize, options.Seed, source, device),
        ModelKind.Gmm => new GaussianMixtureTrainer(options.Components ?? 0, data.Dataset!.Images, options.Seed, source, device),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Not a baseline model."),
    };

    /// <summary>
    /// The sampler a checkpoint of <paramref name="options"/>' baseline stores as its generator: the VAE's decoder, the auto-encoder's
    /// decoder behind its code Gaussian, or the mixture itself.
    /// </summary>
    public static TorchSharp.torch.nn.Module<Tensor, Tensor> CreateSampler(RunOptions options, long[] sampleShape) => options.Model switch
    {
        ModelKind.Vae => new DcganGenerator(Architecture(options)),
        ModelKind.Ae => new LatentGaussianDecoder(Architecture(options)),
        ModelKind.Gmm => new PixelGaussianMixture(options.Components ?? 0, sampleShape),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Not a baseline model."),
    };

    private static DcganArchitecture Architecture(RunOptions options) =>
        new(options.ImageSize ?? 0, options.Channels ?? 0, options.LatentDim, options.Features ?? 0);
}
