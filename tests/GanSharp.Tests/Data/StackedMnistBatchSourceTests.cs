using GanSharp.Data;
using static TorchSharp.torch;

namespace GanSharp.Tests.Data;

public class StackedMnistBatchSourceTests
{
    /// <summary>Twenty constant "digits": image i is the value i/10 − 1, so each channel of a batch tells which digit it drew.</summary>
    private static Tensor Indexed() => (arange(20, dtype: float32) / 10 - 1).reshape(20, 1, 1, 1).expand(20, 1, 28, 28).contiguous();

    /// <summary>The digit index of each channel of each image: [m · 3] in image-major order.</summary>
    private static int[] Picks(Tensor batch) =>
        batch.select(2, 0).select(2, 0).flatten().data<float>().Select(v => (int)Math.Round((v + 1) * 10)).ToArray();

    [Fact]
    public void Each_image_stacks_three_independently_drawn_digits_as_its_channels()
    {
        using var digits = Indexed();
        using var source = new StackedMnistBatchSource(digits, seed: 4);
        using var batch = source.NextBatch(400);
        Assert.Equal(new long[] { 400, 3, 28, 28 }, batch.shape);
        // Every pixel of a channel is its digit's (the constant image), and the channels are not the same draw.
        using (var spread = batch.amax(new long[] { 2, 3 }) - batch.amin(new long[] { 2, 3 })) Assert.Equal(0f, spread.max().item<float>());
        var picks = Picks(batch);
        Assert.Equal(20, picks.Distinct().Count());
        int sameRedGreen = Enumerable.Range(0, 400).Count(i => picks[3 * i] == picks[3 * i + 1]);
        Assert.InRange(sameRedGreen, 5, 45);     // independent uniform draws agree with probability 1/20: 20 expected of 400
        Assert.Equal(400, source.Served);
        Assert.Equal(20, source.Epoch);          // an epoch is as many stacked images as there are digits
    }

    [Fact]
    public void A_restored_state_continues_with_exactly_the_same_batches_and_epoch()
    {
        using var digits = Indexed();
        using var source = new StackedMnistBatchSource(digits, seed: 3);
        source.NextBatch(7).Dispose();
        source.NextBatch(7).Dispose();
        var state = source.SaveState();
        var expected = Enumerable.Range(0, 4).SelectMany(_ => { using var b = source.NextBatch(7); return Picks(b); }).ToArray();

        using var other = new StackedMnistBatchSource(digits, seed: 999);
        other.LoadState(state);
        Assert.Equal(1, other.Epoch);
        var resumed = Enumerable.Range(0, 4).SelectMany(_ => { using var b = other.NextBatch(7); return Picks(b); }).ToArray();
        Assert.Equal(expected, resumed);
        Assert.Equal(3, other.Epoch);            // 42 images of 20 digits: the third epoch has begun
    }

    [Fact]
    public void The_state_of_a_finite_image_set_is_refused()
    {
        using var digits = Indexed();
        using var source = new StackedMnistBatchSource(digits, seed: 1);
        var e = Assert.Throws<InvalidDataException>(() => source.LoadState(new BatchSourceState(new byte[] { 1 }, 1, 0, new long[] { 0, 1 })));
        Assert.Contains("data changed", e.Message);
    }
}
