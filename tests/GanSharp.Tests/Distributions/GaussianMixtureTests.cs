using GanSharp.Distributions;
using static TorchSharp.torch;

namespace GanSharp.Tests.Distributions;

public class GaussianMixtureTests
{
    private static double NormalPdf(double x, double mu, double s) => Math.Exp(-(x - mu) * (x - mu) / (2 * s * s)) / (s * Math.Sqrt(2 * Math.PI));

    [Fact]
    public void One_dimensional_log_density_matches_the_mixture_formula()
    {
        var gm = new GaussianMixture("m", new[] { new[] { -1.0 }, new[] { 2.0 } }, new[] { 0.5, 1.5 }, new[] { 3.0, 1.0 });
        double[] xs = { -3, -1, 0, 0.7, 2, 5 };
        using var logp = gm.LogDensity(tensor(xs, new long[] { xs.Length, 1 }));
        var got = logp.data<double>().ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            double p = 0.75 * NormalPdf(xs[i], -1, 0.5) + 0.25 * NormalPdf(xs[i], 2, 1.5);
            Assert.Equal(Math.Log(p), got[i], 10);
        }
    }

    [Fact]
    public void Two_dimensional_density_integrates_to_one()
    {
        var gm = new GaussianMixture("m", new[] { new[] { 0.0, 0.0 }, new[] { 1.0, -1.0 } }, new[] { 0.3, 0.6 });
        const double h = 0.02;
        var grid = new List<double>();
        for (double x = -4; x <= 5; x += h)
            for (double y = -5; y <= 4; y += h) { grid.Add(x); grid.Add(y); }
        using var pts = tensor(grid.ToArray(), new long[] { grid.Count / 2, 2 });
        using var p = gm.LogDensity(pts).exp();
        Assert.Equal(1.0, p.sum().item<double>() * h * h, 6);
    }

    [Fact]
    public void Samples_have_the_mixture_mean_and_variance()
    {
        // Mixture of N(−1, 0.5²) w=.75 and N(2, 1.5²) w=.25: mean = .25, variance = Σw(σ²+μ²) − mean².
        var gm = new GaussianMixture("m", new[] { new[] { -1.0 }, new[] { 2.0 } }, new[] { 0.5, 1.5 }, new[] { 3.0, 1.0 });
        using var g = new RandomStream(7);
        using var x = gm.Sample(200_000, g).to_type(float64);
        double mean = 0.75 * -1 + 0.25 * 2;
        double var = 0.75 * (0.25 + 1) + 0.25 * (2.25 + 4) - mean * mean;
        double se = Math.Sqrt(var / 200_000);
        Assert.Equal(x.shape, new long[] { 200_000, 1 });
        Assert.InRange(x.mean().item<double>(), mean - 5 * se, mean + 5 * se);
        Assert.InRange(x.var().item<double>(), var * 0.98, var * 1.02);
    }

    [Fact]
    public void Same_generator_seed_gives_the_same_samples()
    {
        var ring = TargetDistributions.Ring();
        using var g1 = new RandomStream(3);
        using var g2 = new RandomStream(3);
        using var a = ring.Sample(100, g1);
        using var b = ring.Sample(100, g2);
        Assert.True(a.eq(b).all().item<bool>());
    }

    [Fact]
    public void Invalid_components_are_rejected_with_a_reason()
    {
        var e1 = Assert.Throws<ArgumentException>(() => new GaussianMixture("m", new[] { new[] { 0.0 } }, new[] { 0.0 }));
        Assert.Contains("positive", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new GaussianMixture("m", new[] { new[] { 0.0 }, new[] { 0.0, 1.0 } }, new[] { 1.0, 1.0 }));
        Assert.Contains("dimension", e2.Message);
    }

    [Fact]
    public void Log_density_rejects_points_of_the_wrong_dimension()
    {
        var ring = TargetDistributions.Ring();
        var e = Assert.Throws<ArgumentException>(() => ring.LogDensity(zeros(4, 3)));
        Assert.Contains("[n, 2]", e.Message);
    }
}
