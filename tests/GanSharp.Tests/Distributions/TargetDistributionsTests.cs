using GanSharp.Distributions;
using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Distributions;

public class TargetDistributionsTests
{
    [Fact]
    public void Ring_has_eight_modes_of_radius_two_and_its_samples_have_the_ring_moments()
    {
        var ring = TargetDistributions.Ring();
        Assert.Equal(8, ring.Modes.Count);
        Assert.Equal(0.02, ring.ModeStddev);
        Assert.All(ring.Modes, m => Assert.Equal(2.0, Math.Sqrt(m[0] * m[0] + m[1] * m[1]), 12));
        using var g = new RandomStream(11);
        using var x = ring.Sample(100_000, g).to_type(float64);
        // Per coordinate: mean 0, variance r²/2 + σ² = 2.0004.
        Assert.InRange(x.mean(new long[] { 0 }).abs().max().item<double>(), 0, 0.03);
        using var v = x.var(0);
        Assert.All(v.data<double>().ToArray(), vi => Assert.InRange(vi, 2.0004 * 0.98, 2.0004 * 1.02));
        var report = ModeMetrics.Compute(x, ring);
        Assert.Equal(8, report.ModesCaptured);
        Assert.True(report.HighQualityFraction > 0.985, $"{report.HighQualityFraction}");   // P(‖ε‖ ≤ 3σ) = 1 − e^{−4.5} = 0.9889
    }

    [Fact]
    public void Grid_has_twenty_five_modes_and_its_samples_have_the_grid_variance()
    {
        var grid = TargetDistributions.Grid();
        Assert.Equal(25, grid.Modes.Count);
        using var g = new RandomStream(12);
        using var x = grid.Sample(100_000, g).to_type(float64);
        using var v = x.var(0);
        // E[x²] = (16 + 4 + 0 + 4 + 16)/5 + σ² = 8.0025.
        Assert.All(v.data<double>().ToArray(), vi => Assert.InRange(vi, 8.0025 * 0.98, 8.0025 * 1.02));
    }

    [Fact]
    public void Two_moons_density_integrates_to_one_and_its_samples_are_centred()
    {
        var moons = new TwoMoons();
        const double h = 0.025;
        var grid = new List<double>();
        for (double x = -4; x <= 4; x += h)
            for (double y = -2.5; y <= 2.5; y += h) { grid.Add(x); grid.Add(y); }
        using var pts = tensor(grid.ToArray(), new long[] { grid.Count / 2, 2 });
        using var p = moons.LogDensity(pts).exp();
        Assert.Equal(1.0, p.sum().item<double>() * h * h, 4);

        using var g = new RandomStream(5);
        using var s = moons.Sample(100_000, g).to_type(float64);
        // Upper and lower moon means cancel: E[x] = (0, 0).
        Assert.InRange(s.mean(new long[] { 0 }).abs().max().item<double>(), 0, 0.02);
    }

    [Fact]
    public void Two_moons_density_on_the_curve_matches_a_direct_integral()
    {
        var moons = new TwoMoons(0.1);
        var (cx, cy) = TwoMoons.Curve(0, Math.PI / 3);
        // p(x) = ½ Σ_moon (1/π)∫ N(x; c(t), σ²I) dt, by Simpson's rule on 20,000 intervals.
        double Integrand(int moon, double t)
        {
            var (ux, uy) = TwoMoons.Curve(moon, t);
            double d2 = (cx - ux) * (cx - ux) + (cy - uy) * (cy - uy);
            return Math.Exp(-d2 / (2 * 0.01)) / (2 * Math.PI * 0.01);
        }
        const int n = 20_000;
        double total = 0;
        for (int moon = 0; moon < 2; moon++)
        {
            double h = Math.PI / n, sum = Integrand(moon, 0) + Integrand(moon, Math.PI);
            for (int i = 1; i < n; i++) sum += (i % 2 == 1 ? 4 : 2) * Integrand(moon, i * h);
            total += 0.5 * (sum * h / 3) / Math.PI;
        }
        using var logp = moons.LogDensity(tensor(new[] { cx, cy }, new long[] { 1, 2 }));
        Assert.Equal(Math.Log(total), logp.item<double>(), 6);
    }

    [Fact]
    public void One_dimensional_targets_sample_one_column()
    {
        using var g = new RandomStream(1);
        using var a = TargetDistributions.Mixture1D().Sample(10, g);
        using var b = TargetDistributions.Gaussian1D().Sample(10, g);
        Assert.Equal(new long[] { 10, 1 }, a.shape);
        Assert.Equal(new long[] { 10, 1 }, b.shape);
    }

    [Fact]
    public void Every_listed_name_resolves_and_an_unknown_name_lists_the_known_ones()
    {
        foreach (var name in TargetDistributions.Names) Assert.Equal(name, TargetDistributions.ByName(name).Name);
        var e = Assert.Throws<ArgumentException>(() => TargetDistributions.ByName("rign"));
        Assert.Contains("rign", e.Message);
        Assert.Contains("ring", e.Message);
    }
}
