using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>
/// Mode counting on Stacked MNIST as VEEGAN (Srivastava et al. 2017, §5.2) and PacGAN (Lin et al. 2018, §5.1) do: a pretrained MNIST
/// classifier labels each channel of a generated image, the three digits name its mode (one of 1,000), and the generated mode
/// histogram is compared with the uniform one the data has. Published on 26,000 samples: DCGAN 99 modes (KL 3.4), VEEGAN 150 (2.95), PacDCGAN2 1,000 (0.06).
/// </summary>
public static class StackedModes
{
    /// <summary>Modes of Stacked MNIST.</summary>
    public const int ModeCount = Data.StackedMnist.ModeCount;

    /// <summary>Samples VEEGAN and PacGAN count modes on.</summary>
    public const int PublishedSampleCount = 26_000;

    /// <summary>Mode of each image from its channels' predicted digits: <paramref name="channelLogits"/> [n, 3, 10] ↦ 100·argmax₀ + 10·argmax₁ + argmax₂ [n].</summary>
    public static int[] Modes(Tensor channelLogits)
    {
        if (channelLogits.dim() != 3 || channelLogits.shape[1] != 3 || channelLogits.shape[2] != 10)
            throw new ArgumentException($"Expected logits [n, 3, 10] (three channels, ten digits), got [{string.Join(", ", channelLogits.shape)}].", nameof(channelLogits));
        using var scope = NewDisposeScope();
        var digits = channelLogits.argmax(2);                                          // [n, 3]
        var modes = digits.select(1, 0) * 100 + digits.select(1, 1) * 10 + digits.select(1, 2);   // [n]
        return modes.to_type(int32).data<int>().ToArray();
    }

    /// <summary>Top probability below which a channel's digit counts as unclear in <see cref="UnclearShare"/>.</summary>
    public const double ClearProbability = 0.9;

    /// <summary>
    /// Share of the 3n channel digits that the classifier reads with top probability max_d softmax(ℓ)_d below
    /// <see cref="ClearProbability"/>: digits it would rather not name, which still count for whichever digit it leans to.
    /// </summary>
    /// <param name="channelLogits">[n, 3, 10] (or any [.., 10]) logits.</param>
    public static double UnclearShare(Tensor channelLogits)
    {
        if (channelLogits.shape[^1] != 10 || channelLogits.numel() == 0)
            throw new ArgumentException($"Expected non-empty logits over ten digits, got [{string.Join(", ", channelLogits.shape)}].", nameof(channelLogits));
        using var scope = NewDisposeScope();
        var top = channelLogits.to_type(float64).softmax(-1).max(-1).values;
        return top.lt(ClearProbability).to_type(float64).mean().item<double>();
    }

    /// <summary>p̂_j = |{i : mode_i = j}| / n for j = 0 … 999.</summary>
    public static double[] Histogram(IReadOnlyList<int> modes) => ModeHistogram.Of(modes, ModeCount);

    /// <summary>Modes with at least one sample (VEEGAN's count).</summary>
    public static int ModesCaptured(IReadOnlyList<double> histogram) => ModeHistogram.Captured(histogram);

    /// <summary>KL(p̂ ‖ uniform) = Σ_j p̂_j log(p̂_j · M) in nats, M = 1,000: 0 for the data, log M = 6.91 when every sample falls in one mode.</summary>
    public static double KlToUniform(IReadOnlyList<double> histogram) => ModeHistogram.KlToUniform(histogram);
}
