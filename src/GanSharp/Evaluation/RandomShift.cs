using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Evaluation;

/// <summary>
/// Moves each image of a batch by its own whole-pixel offset (dx, dy), each drawn uniformly from −s … s, filling the uncovered
/// border with the background −1: the augmentation that teaches a digit reader that a digit two pixels off centre is the same digit.
/// </summary>
public static class RandomShift
{
    /// <summary>
    /// <paramref name="images"/> [n, c, h, w] in [−1, 1], image i moved right by dx_i and down by dy_i pixels, so output pixel
    /// (r, q) is input pixel (r − dy_i, q − dx_i), or −1 where that lies outside.
    /// </summary>
    /// <param name="images">The batch.</param>
    /// <param name="maxShift">s ≥ 0: the largest offset in either direction.</param>
    /// <param name="stream">Draws the offsets.</param>
    public static Tensor Apply(Tensor images, int maxShift, RandomStream stream)
    {
        if (images.dim() != 4) throw new ArgumentException($"Images must be [n, c, h, w], got [{string.Join(", ", images.shape)}].", nameof(images));
        if (maxShift < 0) throw new ArgumentOutOfRangeException(nameof(maxShift), maxShift, "The largest shift cannot be negative.");
        long n = images.shape[0];
        using var scope = NewDisposeScope();
        var offsets = randint(-maxShift, maxShift + 1, new long[] { n, 2 }, generator: stream).to_type(images.dtype);
        return Apply(images, offsets).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="images"/> [n, c, h, w] moved by <paramref name="offsets"/> [n, 2] (dx, dy per image, whole pixels); the border
    /// left uncovered is −1.
    /// </summary>
    public static Tensor Apply(Tensor images, Tensor offsets)
    {
        long n = images.shape[0], height = images.shape[2], width = images.shape[3];
        if (offsets.dim() != 2 || offsets.shape[0] != n || offsets.shape[1] != 2)
            throw new ArgumentException($"Offsets must be [{n}, 2], got [{string.Join(", ", offsets.shape)}].", nameof(offsets));
        using var scope = NewDisposeScope();
        // affine_grid works in coordinates where the image spans [−1, 1]: one pixel is 2/w across and 2/h down. Sampling output pixel q
        // at q − dx moves the content right by dx; with align_corners false every sampling point is a pixel centre, so nearest is exact.
        var dx = offsets.select(1, 0).to_type(float32) * (-2.0 / width);
        var dy = offsets.select(1, 1).to_type(float32) * (-2.0 / height);
        var one = ones(n, dtype: float32);
        var zero = zeros(n, dtype: float32);
        var theta = stack(new[] { stack(new[] { one, zero, dx }, 1), stack(new[] { zero, one, dy }, 1) }, 1);   // [n, 2, 3]
        var grid = functional.affine_grid(theta, new long[] { n, images.shape[1], height, width }, align_corners: false);
        // Zero padding on images + 1, then − 1: the uncovered border becomes the background −1.
        var moved = functional.grid_sample(images.to_type(float32) + 1, grid, GridSampleMode.Nearest, GridSamplePaddingMode.Zeros, align_corners: false) - 1;
        return moved.to_type(images.dtype).MoveToOuterDisposeScope();
    }
}
