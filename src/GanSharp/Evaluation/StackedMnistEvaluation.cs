using System.Globalization;
using GanSharp.Data;
using GanSharp.Metrics;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// Mode counting on Stacked MNIST as VEEGAN (Srivastava et al. 2017, §5.2) does: an MNIST digit classifier reads each channel of N
/// generated images (N = 26,000 there), the three digits name the image's mode, and <see cref="StackedModes"/> counts the modes
/// captured and KL(mode histogram ‖ uniform). The row <c>real</c> puts N stacks of held-out digits through the same classifier, so
/// the classifier's errors and the finite N have a measured floor (for N = 26,000 of a uniform histogram, E KL ≈ 999 / (2N) = 0.019).
/// </summary>
public static class StackedMnistEvaluation
{
    /// <summary>How the modes are read, in words (for reports).</summary>
    public const string Protocol =
        "each channel's digit by GanSharp's MNIST classifier; mode = 100·d₀ + 10·d₁ + d₂ (VEEGAN, Srivastava et al. 2017); " +
        "KL(generated mode histogram ‖ uniform over 1,000), nats";

    /// <summary>Modes of <paramref name="images"/> [n, 3, 28, 28]: each channel's argmax digit under <paramref name="digits"/> (a 10-class reader).</summary>
    public static int[] Modes(DigitReader digits, Tensor images)
    {
        using var logits = ChannelLogits(digits, images);
        return StackedModes.Modes(logits);
    }

    /// <summary>The digit logits [n, 3, 10] of each channel of <paramref name="images"/> [n, 3, 28, 28].</summary>
    public static Tensor ChannelLogits(DigitReader digits, Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 3 || images.shape[2] != 28 || images.shape[3] != 28)
            throw new ArgumentException($"Stacked MNIST images are [n, 3, 28, 28], got [{string.Join(", ", images.shape)}].", nameof(images));
        if (digits.ClassCount != 10) throw new ArgumentException($"The digit reader must have 10 classes (has {digits.ClassCount}).", nameof(digits));
        long n = images.shape[0];
        using var channels = images.reshape(n * 3, 1, 28, 28);                 // [n, 3, 28, 28] → [3n, 1, 28, 28], image-major
        using var logits = digits.Logits(channels);
        return logits.reshape(n, 3, 10);                                        // [3n, 10] → [n, 3, 10]
    }

    /// <summary>Names of the channels, the "attributes" of a Stacked MNIST mode.</summary>
    public static readonly IReadOnlyList<string> ChannelNames = new[] { "red", "green", "blue" };

    /// <summary>The values of each channel: the digits "0" … "9".</summary>
    public static readonly IReadOnlyList<string> DigitNames = Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// The row of <paramref name="images"/>: modes captured, mode KL, sharpness relative to <paramref name="realEnergy"/>, per channel
    /// KL(its digit histogram ‖ uniform over 10), which says whether a high mode KL comes from digits made unevenly within a channel, and
    /// the share of channel digits the classifier reads with less than <see cref="StackedModes.ClearProbability"/> confidence.
    /// </summary>
    public static ModeCountRow Score(string name, DigitReader digits, Tensor images, double realEnergy)
    {
        int[] modes;
        double unclear;
        using (var logits = ChannelLogits(digits, images))
        {
            modes = StackedModes.Modes(logits);
            unclear = StackedModes.UnclearShare(logits);
        }
        var histogram = StackedModes.Histogram(modes);
        var channelKl = new Dictionary<string, double>();
        var channelShares = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        for (int c = 0; c < 3; c++)
        {
            int place = c == 0 ? 100 : c == 1 ? 10 : 1;
            var digitShares = ModeHistogram.Of(modes.Select(m => m / place % 10).ToArray(), 10);
            channelKl[ChannelNames[c]] = ModeHistogram.KlToUniform(digitShares);
            channelShares[ChannelNames[c]] = ModeCountRow.Named(digitShares, DigitNames);
        }
        return new ModeCountRow(name, (int)images.shape[0], StackedModes.ModesCaptured(histogram), StackedModes.KlToUniform(histogram),
            Sharpness.Relative(images, realEnergy))
        { AttributeKl = channelKl, AttributeShares = channelShares, UnclearShare = unclear };
    }

    /// <summary>
    /// Scores <paramref name="generate"/>'s <paramref name="n"/> samples and the row <c>real</c> (<paramref name="n"/> stacks of the held-out
    /// digits of <paramref name="mnist"/>); sharpness is relative to stacks of its training digits.
    /// </summary>
    /// <param name="digits">The MNIST digit reader (its classifiers trained on <paramref name="mnist"/>'s training split), with its record.</param>
    /// <param name="mnist">The digits: the training split for the sharpness reference, the held-out split for the real row.</param>
    /// <param name="generate">Draws m samples [m, 3, 28, 28]; null for the real row only.</param>
    /// <param name="n">Samples per row (VEEGAN: 26,000).</param>
    /// <param name="seed">Seed of the real stacks.</param>
    /// <param name="checkpoint">The evaluated checkpoint, for the report.</param>
    /// <param name="progress">Called with a short description before each slow step.</param>
    public static ModeCountReport Run(DigitReader digits, EvaluationData mnist, Func<long, Tensor>? generate, int n, int seed,
        string? checkpoint = null, Action<string>? progress = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Classify at least one sample.");
        if (!mnist.HasLabels || mnist.ClassCount != 10) throw new ArgumentException($"{mnist.Name} is not labelled with ten digits.", nameof(mnist));
        double realEnergy;
        using (var reference = StackedMnist.Build(mnist.Train, Math.Min(n, 10_000), RandomStreams.Seed(seed, RandomStreams.Evaluation)))
            realEnergy = Sharpness.LaplacianEnergy(reference.Images);
        ModeCountRow? model = null;
        if (generate is not null)
        {
            progress?.Invoke($"sampling and classifying {n} generated images");
            using var generated = GeneratorSamples.Draw(generate, n);
            model = Score("model", digits, generated, realEnergy);
        }
        progress?.Invoke($"classifying {n} stacks of held-out digits");
        using var real = StackedMnist.Build(mnist.Test, n, RandomStreams.Seed(seed, RandomStreams.Data));
        var calibration = new[] { Score("real", digits, real.Images, realEnergy) };
        return new ModeCountReport($"Stacked MNIST (digits: {mnist.Name})", StackedModes.ModeCount, Protocol, digits.Record, model, calibration, checkpoint);
    }
}
