using static TorchSharp.torch;

namespace GanSharp.Data;

/// <summary>A finite set of images as one tensor [N, C, H, W], float32, pixels scaled to [−1, 1], with optional class labels.</summary>
public sealed class ImageDataset : IDisposable
{
    /// <param name="images">[N, C, H, W] float32 in [−1, 1]; the dataset takes ownership.</param>
    /// <param name="labels">Class of each image, or null.</param>
    /// <param name="description">Where the images came from, for reports.</param>
    public ImageDataset(Tensor images, int[]? labels, string description)
    {
        if (images.dim() != 4) throw new ArgumentException($"Images must be [N, C, H, W] (got [{string.Join(", ", images.shape)}]).", nameof(images));
        if (labels is not null && labels.Length != images.shape[0])
            throw new ArgumentException($"{labels.Length} labels for {images.shape[0]} images.", nameof(labels));
        Images = images;
        Labels = labels;
        Description = description;
    }

    /// <summary>[N, C, H, W] float32 in [−1, 1].</summary>
    public Tensor Images { get; }

    /// <summary>Class of each image, or null.</summary>
    public int[]? Labels { get; }

    /// <summary>Where the images came from.</summary>
    public string Description { get; }

    /// <summary>N.</summary>
    public long Count => Images.shape[0];

    /// <summary>[C, H, W].</summary>
    public long[] ImageShape => Images.shape.Skip(1).ToArray();

    /// <summary>Bytes [N, C, H, W] in 0..255 ↦ x = b / 127.5 − 1 ∈ [−1, 1].</summary>
    public static Tensor FromBytes(byte[] pixels, long n, long channels, long height, long width)
    {
        using var scope = NewDisposeScope();
        var x = tensor(pixels, new long[] { n, channels, height, width }, dtype: uint8)
            .to_type(float32).div_(127.5).sub_(1);
        return x.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose() => Images.Dispose();
}
