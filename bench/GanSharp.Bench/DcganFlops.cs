using GanSharp.Models;

namespace GanSharp.Bench;

/// <summary>Floating-point operations of one DCGAN forward pass per sample, counted from the layer shapes.</summary>
/// <remarks>A convolution costs 2 · C_in · C_out · k² per output pixel; a transposed convolution the same per input pixel.</remarks>
internal static class DcganFlops
{
    /// <summary>G: [nz, 1, 1] → [W(0), b, b] → … → [C, S, S].</summary>
    public static double Generator(DcganArchitecture a)
    {
        double flops = 2.0 * a.LatentDim * a.WidthAt(0) * a.BaseSide * a.BaseSide;                // project: 1 × 1 input pixel
        long side = a.BaseSide;
        for (int i = 1; i < a.Upsamplings; i++, side *= 2)
            flops += 2.0 * a.WidthAt(i - 1) * a.WidthAt(i) * 16 * side * side;                        // up{i}: k = 4
        return flops + 2.0 * a.WidthAt(a.Upsamplings - 1) * a.Channels * 16 * side * side;           // out
    }

    /// <summary>D: [C, S, S] → [W(L−1), S/2, S/2] → … → [W(0), b, b] → 1.</summary>
    public static double Discriminator(DcganArchitecture a)
    {
        int levels = a.Upsamplings;
        long side = a.ImageSize / 2;
        double flops = 2.0 * a.Channels * a.WidthAt(levels - 1) * 16 * side * side;                  // down0
        for (int i = 1; i < levels; i++)
        {
            side /= 2;
            flops += 2.0 * a.WidthAt(levels - i) * a.WidthAt(levels - 1 - i) * 16 * side * side;    // down{i}
        }
        return flops + 2.0 * a.WidthAt(0) * a.BaseSide * a.BaseSide;                                 // logit: 1 output pixel
    }

    /// <summary>
    /// One Algorithm 1 iteration (k = 1) at batch m: D step = G forward (m) + D forward and backward (inputs and weights, ≈ 2 × forward) on 2m;
    /// G step = G and D forward (m) + D backward to its input only (≈ 1 × forward) + G backward (≈ 2 × forward).
    /// </summary>
    public static double TrainingIteration(DcganArchitecture a, long m)
    {
        double g = Generator(a), d = Discriminator(a);
        return m * (g + 3 * 2 * d + g + d + d + 2 * g);
    }
}
