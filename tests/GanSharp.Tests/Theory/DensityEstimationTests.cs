using GanSharp.Distributions;
using GanSharp.Theory;
using static TorchSharp.torch;

namespace GanSharp.Tests.Theory;

public class DensityEstimationTests
{
    [Fact]
    public void Kernel_density_estimate_integrates_to_one_and_is_close_to_the_true_density()
    {
        using var random = new RandomStream(11);
        var normal = TargetDistributions.Gaussian1D(0, 1);
        using var samples = normal.Sample(5000, random);
        var kde = new KernelDensityEstimate("kde", samples);
        var grid = QuadratureGrid.Line(-8, 8, 4000);
        using var x = grid.Points();
        using var density = kde.LogDensity(x).exp();
        Assert.Equal(1.0, grid.Integrate(density).item<double>(), 3);
        using var zero = zeros(1, 1, dtype: float64);
        Assert.InRange(kde.LogDensity(zero).item<double>() + 0.5 * Math.Log(2 * Math.PI), -0.1, 0.1);   // smoothing lowers the peak by about h²/2
        Assert.Equal(Math.Pow(5000, -0.2), kde.Bandwidth, 2);   // Scott: σ̂ n^(−1/5), σ̂ ≈ 1
    }

    [Fact]
    public void Em_never_lowers_the_likelihood_and_recovers_two_separated_modes()
    {
        using var random = new RandomStream(5);
        var data = TargetDistributions.Mixture1D();
        using var samples = data.Sample(4000, random);
        var fit = GaussianMixtureEm.Fit(samples, 2, 40, random);
        for (int t = 1; t < fit.MeanLogLikelihood.Count; t++) Assert.True(fit.MeanLogLikelihood[t] >= fit.MeanLogLikelihood[t - 1] - 1e-9, $"likelihood fell at iteration {t}");
        var means = fit.Model.Means.Select(m => m[0]).OrderBy(m => m).ToArray();
        Assert.Equal(-2, means[0], 1);
        Assert.Equal(2, means[1], 1);
        Assert.All(fit.Model.Stddevs, s => Assert.InRange(s, 0.27, 0.33));
        Assert.Equal(fit.Models.Count, fit.MeanLogLikelihood.Count);
    }

    [Fact]
    public void Em_rejects_more_components_than_samples()
    {
        using var random = new RandomStream(1);
        using var samples = zeros(3, 1);
        var e = Assert.Throws<ArgumentException>(() => GaussianMixtureEm.Fit(samples, 5, 10, random));
        Assert.Contains("K = 5", e.Message);
    }
}
