using static TorchSharp.torch;

namespace GanSharp.Visualization;

/// <summary>Tiles a batch of images into one picture, as in torchvision's <c>make_grid</c>.</summary>
public static class ImageGrid
{
    /// <summary>
    /// images [n, C, H, W] in [−1, 1] ↦ grid [C, rows·(H+p)+p, cols·(W+p)+p] in [0, 1], rows = ⌈n / cols⌉, p = <paramref name="padding"/>;
    /// the padding and empty cells are white.
    /// </summary>
    public static Tensor Compose(Tensor images, int columns, int padding = 2)
    {
        if (images.dim() != 4) throw new ArgumentException($"Images must be [n, C, H, W] (got [{string.Join(", ", images.shape)}]).", nameof(images));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "At least one column.");
        using var scope = NewDisposeScope();
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        long cols = Math.Min(columns, Math.Max(n, 1)), rows = (n + cols - 1) / cols;
        var grid = ones(c, rows * (h + padding) + padding, cols * (w + padding) + padding);
        var pixels = images.detach().cpu().to_type(float32).add(1).div(2).clamp(0, 1);   // [−1, 1] → [0, 1]
        for (long i = 0; i < n; i++)
        {
            long top = padding + (i / cols) * (h + padding), left = padding + (i % cols) * (w + padding);
            grid[.., (int)top..(int)(top + h), (int)left..(int)(left + w)] = pixels[i];
        }
        return grid.MoveToOuterDisposeScope();
    }
}
