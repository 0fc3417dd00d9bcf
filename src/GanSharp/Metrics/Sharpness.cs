using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>
/// How sharp images are, as the energy of their Laplacian: the discrete second derivative is large at edges and fine texture and
/// small where an image is smooth, so blurring lowers it (the variance-of-Laplacian focus measure, Pech-Pacheco et al. 2000).
/// Reported relative to real images, so 1 is as sharp as the data and 0.5 half as much edge energy.
/// </summary>
public static class Sharpness
{
    /// <summary>
    /// E = (1/n) Σ_i mean_{c,u,v} (Δx_i)²(c, u, v) for images <paramref name="images"/> [n, C, H, W] (H, W ≥ 3), with the 4-neighbour
    /// Laplacian Δx(u, v) = x(u−1, v) + x(u+1, v) + x(u, v−1) + x(u, v+1) − 4 x(u, v) on the interior pixels of each channel.
    /// </summary>
    public static double LaplacianEnergy(Tensor images)
    {
        if (images.dim() != 4 || images.shape[2] < 3 || images.shape[3] < 3)
            throw new ArgumentException($"Images must be [n, C, H, W] with H, W ≥ 3, got [{string.Join(", ", images.shape)}].", nameof(images));
        using var scope = NewDisposeScope();
        var x = images.to_type(float64);
        long h = x.shape[2], w = x.shape[3];
        var centre = x.narrow(2, 1, h - 2).narrow(3, 1, w - 2);                                           // [n, C, H−2, W−2]
        var laplacian = x.narrow(2, 0, h - 2).narrow(3, 1, w - 2) + x.narrow(2, 2, h - 2).narrow(3, 1, w - 2)
                      + x.narrow(2, 1, h - 2).narrow(3, 0, w - 2) + x.narrow(2, 1, h - 2).narrow(3, 2, w - 2)
                      - 4 * centre;                                                                        // [n, C, H−2, W−2]
        return laplacian.square().mean().item<double>();
    }

    /// <summary>Sharpness of <paramref name="images"/> relative to real images: E(images) / E(real), with E = <see cref="LaplacianEnergy"/>.</summary>
    /// <param name="images">The images scored [n, C, H, W].</param>
    /// <param name="realEnergy"><see cref="LaplacianEnergy"/> of real images of the same data (&gt; 0).</param>
    public static double Relative(Tensor images, double realEnergy)
    {
        if (!(realEnergy > 0)) throw new ArgumentOutOfRangeException(nameof(realEnergy), realEnergy, "The real images' Laplacian energy must be positive (flat images have no edges to compare with).");
        return LaplacianEnergy(images) / realEnergy;
    }
}
