namespace GanSharp.Models;

/// <summary>
/// The layer plan shared by <see cref="DcganGenerator"/> and <see cref="DcganDiscriminator"/> (Radford, Metz &amp; Chintala 2016):
/// a base grid of <see cref="BaseSide"/>² doubled <see cref="Upsamplings"/> times reaches the image side.
/// </summary>
/// <remarks>28 = 7·2², 32 = 4·2³, 64 = 4·2⁴. The widest block has F·2^(L−1) feature maps (F = <see cref="Features"/>, L = <see cref="Upsamplings"/>); each doubling halves it.</remarks>
public sealed record DcganArchitecture(int ImageSize, int Channels, int LatentDim, int Features)
{
    /// <summary>Image sides the DCGAN models are built for.</summary>
    public static readonly IReadOnlyList<int> SupportedSizes = new[] { 28, 32, 64 };

    /// <summary>The most feature maps F a DCGAN's outermost layer may have.</summary>
    public const int MaxFeatures = 1024;

    /// <summary>Side of the first (generator) or last (discriminator) feature grid.</summary>
    public int BaseSide => ImageSize == 28 ? 7 : 4;

    /// <summary>L, the number of stride-2 layers between the base grid and the image.</summary>
    public int Upsamplings => ImageSize switch { 28 => 2, 32 => 3, 64 => 4, _ => throw new InvalidOperationException(UnsupportedSize(ImageSize)) };

    /// <summary>Feature maps at stride level i (0 = the base grid): F·2^(L−1−i).</summary>
    public int WidthAt(int level) => Features << (Upsamplings - 1 - level);

    /// <summary>Readable problems; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!SupportedSizes.Contains(ImageSize)) yield return UnsupportedSize(ImageSize);
        if (Channels is not (1 or 3)) yield return $"the DCGAN takes 1 (grayscale) or 3 (RGB) channels (got {Channels}).";
        if (LatentDim < 1) yield return $"latent dimension must be at least 1 (got {LatentDim}).";
        if (Features is < 1 or > MaxFeatures) yield return $"DCGAN features must be between 1 and {MaxFeatures} (got {Features}).";
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing the problems, if any.</summary>
    public void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException("Invalid DCGAN architecture: " + string.Join(" ", problems));
    }

    private static string UnsupportedSize(int size) =>
        $"image size {size} is not supported by the DCGAN: choose {string.Join(", ", SupportedSizes)}.";
}
