using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class DensityCoverageTests
{
    [Fact]
    public void Density_counts_balls_per_generated_point_and_coverage_counts_balls_hit()
    {
        // Real 0, 1, 2, 3 with k = 1 (radii 1). Generated 0.5 lies in the balls of 0 and 1; 10 in none.
        // density = (2 + 0) / (1 · 2) = 1; coverage: the balls of 0 and 1 contain a generated point
        // strictly inside (0.5 < 1), so 2 / 4.
        using var real = tensor(new float[] { 0, 1, 2, 3 }).unsqueeze(1);
        using var generated = tensor(new float[] { 0.5f, 10 }).unsqueeze(1);
        var result = DensityCoverage.Compute(real, generated, k: 1);
        Assert.Equal(1.0, result.Density, 12);
        Assert.Equal(0.5, result.Coverage, 12);
    }

    [Fact]
    public void Two_samples_of_the_same_cloud_have_density_near_one_and_coverage_near_one()
    {
        var gen = new RandomStream(21);
        using var real = randn(2000, 2, generator: gen);
        using var generated = randn(2000, 2, generator: gen);
        var result = DensityCoverage.Compute(real, generated);
        Assert.InRange(result.Density, 0.85, 1.15);
        Assert.InRange(result.Coverage, 0.9, 1.0);
    }

    [Fact]
    public void Disjoint_clouds_have_density_and_coverage_zero()
    {
        var gen = new RandomStream(22);
        using var real = randn(800, 2, generator: gen);
        using var generated = randn(800, 2, generator: gen) - 20;
        Assert.Equal(new DensityCoverage(0, 0), DensityCoverage.Compute(real, generated));
    }

    [Fact]
    public void A_generator_collapsed_onto_the_core_keeps_its_density_but_loses_coverage()
    {
        // The core is where real points are densest, so each fake still falls in about k real balls.
        var gen = new RandomStream(23);
        using var real = randn(2000, 2, generator: gen);
        using var generated = randn(2000, 2, generator: gen) * 0.1;
        var result = DensityCoverage.Compute(real, generated);
        Assert.True(result.Density > 0.9, $"density {result.Density}");
        Assert.InRange(result.Coverage, 0.0, 0.1);
    }
}
