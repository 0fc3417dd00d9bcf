using GanSharp.Evaluation;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

public class RandomShiftTests
{
    [Fact]
    public void A_lit_pixel_moves_by_exactly_its_images_offset_and_the_uncovered_border_is_background()
    {
        using var scope = NewDisposeScope();
        // Two 1-channel 6×5 images, each black (−1) but for one pixel of value 0.5.
        var images = full(2, 1, 6, 5, -1f);
        images[0, 0, 2, 1] = tensor(0.5f);
        images[1, 0, 3, 3] = tensor(0.5f);
        var offsets = tensor(new float[,] { { 2, -1 }, { -3, 1 } });            // (dx, dy): image 0 right 2, up 1; image 1 left 3, down 1
        var moved = RandomShift.Apply(images, offsets);

        Assert.Equal(new long[] { 2, 1, 6, 5 }, moved.shape);
        Assert.Equal(0.5f, moved[0, 0, 1, 3].item<float>());                    // row 2 − 1, column 1 + 2
        Assert.Equal(0.5f, moved[1, 0, 4, 0].item<float>());                    // row 3 + 1, column 3 − 3
        // Everything else, including the columns and rows that came in from outside, is exactly −1.
        Assert.Equal(2 * 6 * 5 - 2, moved.eq(-1f).sum().item<long>());
    }

    [Fact]
    public void A_shift_off_the_picture_leaves_only_background_and_zero_shift_changes_nothing()
    {
        using var scope = NewDisposeScope();
        var images = rand(3, 2, 4, 4) * 2 - 1;
        var gone = RandomShift.Apply(images, tensor(new float[,] { { 4, 0 }, { 0, -4 }, { 5, 5 } }));
        Assert.True(gone.eq(-1f).all().item<bool>());
        var same = RandomShift.Apply(images, zeros(3, 2));
        Assert.True(same.eq(images).all().item<bool>());
    }

    [Fact]
    public void Random_offsets_stay_within_the_bound_and_repeat_for_the_same_seed()
    {
        using var scope = NewDisposeScope();
        // One lit pixel in the middle of a 15×15 image: where it lands gives the offset that was drawn.
        var images = full(400, 1, 15, 15, -1f);
        images[TensorIndex.Colon, 0, 7, 7] = tensor(1f);
        Tensor Draw(ulong seed)
        {
            using var stream = new Generator(seed);
            return RandomShift.Apply(images, 2, stream);
        }
        var first = Draw(11);
        Assert.True(first.eq(Draw(11)).all().item<bool>());
        Assert.False(first.eq(Draw(12)).all().item<bool>());
        var lit = first.reshape(400, 225).argmax(1).data<long>().ToArray();
        var rows = lit.Select(p => p / 15).ToArray();
        var columns = lit.Select(p => p % 15).ToArray();
        Assert.All(rows.Concat(columns), p => Assert.InRange(p, 5, 9));          // 7 ± 2
        // All 25 offsets in −2 … 2 come up among 400 draws (each has probability 1/25; missing one has probability < 10⁻⁶).
        Assert.Equal(25, rows.Zip(columns, (r, c) => (r, c)).Distinct().Count());
    }
}
