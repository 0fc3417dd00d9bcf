using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Runs;

/// <summary>Builds the G and D a run's settings describe, for samples of a given shape.</summary>
public static class RunModels
{
    /// <summary>
    /// A new G: z [m, LatentDim] ↦ x [m, ...sampleShape] (images in (−1, 1) through tanh) and a new D: x ↦ logits [m],
    /// initialised from the global random stream (seed it first).
    /// </summary>
    public static (Module<Tensor, Tensor> Generator, Module<Tensor, Tensor> Discriminator) Create(RunOptions options, long[] sampleShape)
    {
        var generator = CreateGenerator(options, sampleShape);
        // PacGAN: D reads packs of samples side by side, [d] → [pack·d] or [C, S, S] → [pack·C, S, S].
        var packedShape = sampleShape.Select((size, i) => i == 0 ? size * options.Pack : size).ToArray();
        var discriminator = options.Model switch
        {
            ModelKind.Mlp => (Module<Tensor, Tensor>)new MlpDiscriminator(packedShape, options.DiscriminatorNetwork!, options.SpectralNorm),
            ModelKind.Dcgan => new DcganDiscriminator(Dcgan(options) with { Features = options.DiscriminatorFeatures ?? 0 }, options.SpectralNorm, options.Pack, options.MinibatchStd),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Unknown model."),
        };
        return (generator, discriminator);
    }

    /// <summary>A new G for <paramref name="options"/> (see <see cref="Create"/>); for a baseline model, its sampler (<see cref="BaselineModels.CreateSampler"/>).</summary>
    public static Module<Tensor, Tensor> CreateGenerator(RunOptions options, long[] sampleShape) => options.Model switch
    {
        ModelKind.Mlp => new MlpGenerator(options.LatentDim, sampleShape, options.GeneratorNetwork!, tanhOutput: sampleShape.Length == 3),
        ModelKind.Dcgan => new DcganGenerator(Dcgan(options)),
        ModelKind.Ae or ModelKind.Vae or ModelKind.Gmm => BaselineModels.CreateSampler(options, sampleShape),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Model, "Unknown model."),
    };

    /// <summary>The libtorch thread count <see cref="ThreadPolicy"/> recommends for training these models at <paramref name="batchSize"/> on this machine.</summary>
    public static int RecommendedThreads(Module generator, Module discriminator, long batchSize)
    {
        return ThreadPolicy.Recommend(ThreadPolicy.ForwardFlopsLowerBound(new[] { generator, discriminator }, batchSize), ThreadPolicy.PhysicalCores());
    }

    private static DcganArchitecture Dcgan(RunOptions options) =>
        new(options.ImageSize ?? 0, options.Channels ?? 0, options.LatentDim, options.Features ?? 0);
}
