using static TorchSharp.torch;

namespace GanSharp.Distributions;

/// <summary>Draws noise z from a <see cref="NoisePrior"/>.</summary>
public static class PriorSampler
{
    /// <summary>
    /// z of shape [<paramref name="n"/>, <paramref name="latentDim"/>], float32, drawn on the stream's device,
    /// then moved to <paramref name="device"/>.
    /// </summary>
    public static Tensor Sample(NoisePrior prior, long n, long latentDim, RandomStream stream, Device? device = null)
    {
        Tensor z = prior switch
        {
            NoisePrior.Normal => randn(new long[] { n, latentDim }, generator: stream),
            NoisePrior.Uniform => rand(new long[] { n, latentDim }, generator: stream).mul_(2).sub_(1),
            _ => throw new ArgumentOutOfRangeException(nameof(prior), prior, "Unknown prior."),
        };
        if (device is null || device.type == z.device.type) return z;
        var moved = z.to(device);
        z.Dispose();
        return moved;
    }
}
