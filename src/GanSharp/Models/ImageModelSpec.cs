using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Models;

/// <summary>The architecture of an image GAN: enough to rebuild G and D with the same parameter names and shapes.</summary>
/// <param name="Kind">DCGAN or MLP.</param>
/// <param name="ImageSize">Side S of the square images: 28, 32 or 64.</param>
/// <param name="Channels">1 (grayscale) or 3 (RGB).</param>
/// <param name="LatentDim">Dimension of z.</param>
/// <param name="Features">DCGAN: F, the feature maps of the outermost convolution; MLP: the width of each hidden layer.</param>
public sealed record ImageModelSpec(ImageModelKind Kind, int ImageSize, int Channels, int LatentDim, int Features)
{
    /// <summary>Hidden layers of each MLP.</summary>
    public const int MlpHiddenLayers = 3;

    /// <summary>Shape of one image [C, S, S].</summary>
    public long[] ImageShape => new long[] { Channels, ImageSize, ImageSize };

    /// <summary>Readable problems; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!DcganArchitecture.SupportedSizes.Contains(ImageSize))
            yield return $"image size {ImageSize} is not supported by the {Kind.ToString().ToUpperInvariant()} model: choose {string.Join(", ", DcganArchitecture.SupportedSizes)}.";
        if (Channels is not (1 or 3)) yield return $"channels must be 1 (grayscale) or 3 (RGB) (got {Channels}).";
        if (LatentDim < 1) yield return $"latent dimension must be at least 1 (got {LatentDim}).";
        if (Features is < 1 or > 4096) yield return $"features must be between 1 and 4096 (got {Features}).";
    }

    /// <summary>A new generator z [m, LatentDim] ↦ x [m, C, S, S] in (−1, 1), initialised from the global generator.</summary>
    public Module<Tensor, Tensor> CreateGenerator() => Kind switch
    {
        ImageModelKind.Dcgan => new DcganGenerator(Dcgan),
        ImageModelKind.Mlp => new MlpGenerator(LatentDim, ImageShape, new MlpOptions(MlpHiddenLayers, Features, Activation.ReLU), tanhOutput: true),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown image model."),
    };

    /// <summary>A new discriminator x [m, C, S, S] ↦ logits [m], initialised from the global generator.</summary>
    public Module<Tensor, Tensor> CreateDiscriminator() => Kind switch
    {
        ImageModelKind.Dcgan => new DcganDiscriminator(Dcgan),
        ImageModelKind.Mlp => new MlpDiscriminator(ImageShape, new MlpOptions(MlpHiddenLayers, Features, Activation.LeakyReLU)),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown image model."),
    };

    private DcganArchitecture Dcgan => new(ImageSize, Channels, LatentDim, Features);
}
