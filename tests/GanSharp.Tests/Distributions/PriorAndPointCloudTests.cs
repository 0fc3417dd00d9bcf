using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Tests.Distributions;

public class PriorAndPointCloudTests
{
    [Fact]
    public void Uniform_prior_lies_in_minus_one_to_one_with_variance_one_third()
    {
        using var g = new RandomStream(2);
        using var z = PriorSampler.Sample(NoisePrior.Uniform, 50_000, 4, g).to_type(float64);
        Assert.Equal(new long[] { 50_000, 4 }, z.shape);
        Assert.True(z.min().item<double>() >= -1 && z.max().item<double>() < 1);
        Assert.Equal(0.0, z.mean().item<double>(), 2);
        Assert.Equal(1.0 / 3, z.var().item<double>(), 2);
    }

    [Fact]
    public void Normal_prior_has_zero_mean_and_unit_variance()
    {
        using var g = new RandomStream(3);
        using var z = PriorSampler.Sample(NoisePrior.Normal, 50_000, 4, g).to_type(float64);
        Assert.Equal(0.0, z.mean().item<double>(), 2);
        Assert.InRange(z.var().item<double>(), 0.98, 1.02);
    }

    [Fact]
    public void Point_cloud_samples_only_its_own_points_and_has_no_density()
    {
        var cloud = new PointCloud("pts", new[] { new[] { 1f, 2f }, new[] { -3f, 0.5f } });
        using var g = new RandomStream(4);
        using var x = cloud.Sample(500, g);
        var v = x.data<float>().ToArray();
        int first = 0;
        for (int i = 0; i < 500; i++)
        {
            bool isFirst = v[2 * i] == 1f && v[2 * i + 1] == 2f;
            bool isSecond = v[2 * i] == -3f && v[2 * i + 1] == 0.5f;
            Assert.True(isFirst || isSecond);
            if (isFirst) first++;
        }
        Assert.InRange(first, 200, 300);
        Assert.False(cloud.HasDensity);
        var e = Assert.Throws<InvalidOperationException>(() => cloud.LogDensity(x));
        Assert.Contains("pts", e.Message);
    }

    [Fact]
    public void Point_cloud_rejects_ragged_or_non_finite_points()
    {
        Assert.Throws<ArgumentException>(() => new PointCloud("p", new[] { new[] { 1f, 2f }, new[] { 1f } }));
        Assert.Throws<ArgumentException>(() => new PointCloud("p", new[] { new[] { float.NaN } }));
        Assert.Throws<ArgumentException>(() => new PointCloud("p", Array.Empty<float[]>()));
    }
}
