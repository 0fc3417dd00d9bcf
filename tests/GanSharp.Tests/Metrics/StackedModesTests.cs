using GanSharp.Data;
using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class StackedModesTests
{
    /// <summary>Logits [n, 3, 10] that put each channel of image i on digit digits[i][c].</summary>
    private static Tensor Logits(int[][] digits)
    {
        var logits = zeros(digits.Length, 3, 10);
        for (int i = 0; i < digits.Length; i++)
            for (int c = 0; c < 3; c++) logits[i, c, digits[i][c]] = tensor(5f);
        return logits;
    }

    [Fact]
    public void Each_image_s_mode_is_its_three_channel_digits_read_as_a_number()
    {
        using var logits = Logits(new[] { new[] { 1, 2, 3 }, new[] { 0, 0, 7 }, new[] { 9, 9, 9 } });
        Assert.Equal(new[] { 123, 7, 999 }, StackedModes.Modes(logits));
    }

    [Fact]
    public void A_set_with_every_mode_once_captures_all_1000_with_zero_kl()
    {
        var modes = Enumerable.Range(0, 1000).ToArray();
        var histogram = StackedModes.Histogram(modes);
        Assert.Equal(1000, StackedModes.ModesCaptured(histogram));
        Assert.Equal(0, StackedModes.KlToUniform(histogram), 12);
    }

    [Fact]
    public void A_set_spread_evenly_over_ten_modes_has_kl_log_100()
    {
        // p̂ = 1/10 on 10 modes: KL = Σ 0.1 · log(0.1 · 1000) = log 100.
        var modes = Enumerable.Range(0, 260).Select(i => (i % 10) * 37).ToArray();
        var histogram = StackedModes.Histogram(modes);
        Assert.Equal(10, StackedModes.ModesCaptured(histogram));
        Assert.Equal(Math.Log(100), StackedModes.KlToUniform(histogram), 12);
    }

    [Fact]
    public void Stacked_images_carry_their_digits_in_their_channels_and_their_mode_as_label()
    {
        // Hand-built "digits": image of digit d is the constant (d − 4.5)/5, so each channel's value tells its digit.
        var values = Enumerable.Range(0, 20).Select(i => (i % 10 - 4.5f) / 5).ToArray();
        using var images = tensor(values).reshape(20, 1, 1, 1).expand(20, 1, 28, 28).contiguous();
        using var digits = new ImageDataset(images.clone(), Enumerable.Range(0, 20).Select(i => i % 10).ToArray(), "constant digits");
        using var stacked = StackedMnist.Build(digits, 50, seed: 3);
        Assert.Equal(new long[] { 50, 3, 28, 28 }, stacked.Images.shape);
        for (int i = 0; i < 50; i++)
        {
            var channelDigits = Enumerable.Range(0, 3).Select(c => (int)Math.Round(stacked.Images[i, c, 5, 5].item<float>() * 5 + 4.5)).ToArray();
            Assert.Equal(StackedMnist.Mode(channelDigits[0], channelDigits[1], channelDigits[2]), stacked.Labels![i]);
        }
        Assert.True(stacked.Labels!.Distinct().Count() > 40);
    }

    [Fact]
    public void A_digit_counts_as_unclear_when_its_top_probability_is_below_nine_tenths()
    {
        // One logit a, nine of 0: the top probability is e^a / (e^a + 9). a = ln 72 gives 72/81 = 0.889 (unclear), a = ln 90 gives
        // 90/99 = 0.909 (clear); equal logits give 0.1 (unclear).
        static float[] Digit(int d, double a) => Enumerable.Range(0, 10).Select(j => j == d ? (float)a : 0f).ToArray();
        var logits = new[]
        {
            Digit(3, Math.Log(72)), Digit(8, Math.Log(90)), Digit(0, 20),
            Digit(5, Math.Log(90)), Digit(1, 0), Digit(7, Math.Log(1000)),
        }.SelectMany(l => l).ToArray();
        using var channelLogits = tensor(logits).reshape(2, 3, 10);
        Assert.Equal(2.0 / 6, StackedModes.UnclearShare(channelLogits), 12);
        using var clear = tensor(Digit(4, 50)).reshape(1, 1, 10);
        Assert.Equal(0, StackedModes.UnclearShare(clear));
    }
}
