using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class SharpnessTests
{
    [Fact]
    public void A_flat_or_linear_image_has_no_laplacian_energy()
    {
        using var flat = full(2, 1, 5, 5, 0.3f);
        using var ramp = arange(5, dtype: float32).reshape(1, 1, 1, 5).expand(2, 3, 5, 5) * 0.2;
        Assert.Equal(0, Sharpness.LaplacianEnergy(flat), 12);
        Assert.Equal(0, Sharpness.LaplacianEnergy(ramp), 10);
    }

    [Fact]
    public void A_single_bright_pixel_matches_the_hand_computed_energy()
    {
        // One pixel of 1 at the centre of a 5 × 5 image: interior Laplacian (3 × 3) is −4 at the centre, 1 at its 4 neighbours, 0 at the corners:
        // mean of squares = (16 + 4) / 9.
        using var image = zeros(1, 1, 5, 5);
        image[0, 0, 2, 2] = tensor(1f);
        Assert.Equal(20.0 / 9, Sharpness.LaplacianEnergy(image), 6);
    }

    [Fact]
    public void Blurring_lowers_the_relative_sharpness_below_one()
    {
        var gen = new RandomStream(3);
        using var images = rand(8, 1, 28, 28, generator: gen) * 2 - 1;
        using var kernel = full(1, 1, 3, 3, 1f / 9);
        using var blurred = nn.functional.conv2d(images, kernel, padding: new long[] { 1, 1 });
        double real = Sharpness.LaplacianEnergy(images);
        Assert.Equal(1, Sharpness.Relative(images, real), 12);
        Assert.InRange(Sharpness.Relative(blurred, real), 0, 0.2);
    }
}
