using GanSharp.Data;
using static TorchSharp.torch;

namespace GanSharp.Tests.Data;

public class ImageBatchSourceTests
{
    /// <summary>Ten 1×1×1 images whose pixel is their index, so a batch tells which images it drew.</summary>
    private static Tensor Indexed(int n) => arange(n, dtype: float32).reshape(n, 1, 1, 1);

    private static int[] Ids(Tensor batch) => batch.flatten().data<float>().Select(v => (int)v).ToArray();

    [Fact]
    public void Each_epoch_draws_every_image_once_in_a_fresh_order()
    {
        using var images = Indexed(10);
        using var source = new ImageBatchSource(images, seed: 7);
        var epoch1 = Enumerable.Range(0, 5).SelectMany(_ => Ids(source.NextBatch(2))).ToArray();
        var epoch2 = Enumerable.Range(0, 5).SelectMany(_ => Ids(source.NextBatch(2))).ToArray();
        Assert.Equal(Enumerable.Range(0, 10), epoch1.Order());
        Assert.Equal(Enumerable.Range(0, 10), epoch2.Order());
        Assert.NotEqual(epoch1, epoch2);
        Assert.Equal(2, source.Epoch);
    }

    [Fact]
    public void The_incomplete_tail_of_an_epoch_is_dropped()
    {
        using var images = Indexed(10);
        using var source = new ImageBatchSource(images, seed: 1);
        var first = Ids(source.NextBatch(4)).Concat(Ids(source.NextBatch(4))).ToArray();
        Assert.Equal(8, first.Distinct().Count());
        Assert.Equal(1, source.Epoch);
        source.NextBatch(4);
        Assert.Equal(2, source.Epoch);
        Assert.Equal(3, source.BatchesPerEpoch(3));
    }

    [Fact]
    public void A_restored_state_continues_with_exactly_the_same_batches()
    {
        using var images = Indexed(10);
        using var source = new ImageBatchSource(images, seed: 3);
        source.NextBatch(3);
        source.NextBatch(3);
        var state = source.SaveState();
        var expected = Enumerable.Range(0, 6).SelectMany(_ => Ids(source.NextBatch(3))).ToArray();

        using var other = new ImageBatchSource(images, seed: 999);
        other.LoadState(state);
        var actual = Enumerable.Range(0, 6).SelectMany(_ => Ids(other.NextBatch(3))).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_state_from_a_different_image_count_is_refused()
    {
        using var ten = Indexed(10);
        using var five = Indexed(5);
        using var a = new ImageBatchSource(ten, seed: 0);
        a.NextBatch(2);
        using var b = new ImageBatchSource(five, seed: 0);
        Assert.Contains("data changed", Assert.Throws<InvalidDataException>(() => b.LoadState(a.SaveState())).Message);
    }
}
