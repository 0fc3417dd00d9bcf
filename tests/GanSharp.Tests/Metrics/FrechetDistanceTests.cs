using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class FrechetDistanceTests
{
    private static double Fd(double[] mu1, double[,] sigma1, double[] mu2, double[,] sigma2)
    {
        using var a = GaussianMoments.FromParameters(tensor(mu1), tensor(sigma1));
        using var b = GaussianMoments.FromParameters(tensor(mu2), tensor(sigma2));
        return FrechetDistance.Compute(a, b);
    }

    [Fact]
    public void Fd_of_diagonal_gaussians_is_the_mean_gap_plus_the_gap_of_the_standard_deviations()
    {
        // ‖μ₁ − μ₂‖² + Σ_i (√a_i − √b_i)² for Σ₁ = diag(a), Σ₂ = diag(b).
        var fd = Fd(new[] { 1.0, 2.0, 0.0 }, new double[,] { { 4, 0, 0 }, { 0, 9, 0 }, { 0, 0, 1 } },
                    new[] { 0.0, 0.0, 3.0 }, new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 16 } });
        double expected = (1 + 4 + 9) + (1 + 4 + 9);
        Assert.Equal(expected, fd, 10);
    }

    [Fact]
    public void Fd_of_non_commuting_covariances_matches_the_two_by_two_trace_formula()
    {
        // For 2 × 2 PSD M, tr √M = √(tr M + 2√det M); with M = A^½ B A^½: tr M = tr AB, det M = det A · det B.
        var a = new double[,] { { 2, 1 }, { 1, 2 } };
        var b = new double[,] { { 1, 0 }, { 0, 4 } };
        double trAb = 2 * 1 + 2 * 4;
        double crossTrace = Math.Sqrt(trAb + 2 * Math.Sqrt(3.0 * 4.0));
        double expected = 0.5 * 0.5 + 4 + 5 - 2 * crossTrace;
        var fd = Fd(new[] { 0.5, 0.0 }, a, new[] { 0.0, 0.0 }, b);
        Assert.Equal(expected, fd, 10);
        Assert.Equal(1.0212204, expected, 6);
    }

    [Fact]
    public void Fd_of_samples_from_two_gaussians_approaches_the_closed_form()
    {
        var gen = new RandomStream(7);
        int n = 40_000;
        var shift = tensor(new[] { 1.0f, -1.0f, 0.5f });
        var scale = tensor(new[] { 1.0f, 2.0f, 0.5f });
        using var x = randn(n, 3, generator: gen);                             // N(0, I)
        using var y = randn(n, 3, generator: gen) * scale + shift;             // N(shift, diag(scale²))
        double expected = (1 + 1 + 0.25) + (0 + 1 + 0.25);
        Assert.InRange(FrechetDistance.Between(x, y), expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void Fd_of_a_sample_with_itself_is_zero()
    {
        using var x = randn(500, 16, generator: new RandomStream(1));
        Assert.InRange(FrechetDistance.Between(x, x), 0, 1e-9);
    }

    [Fact]
    public void Fd_does_not_depend_on_the_order_of_the_samples()
    {
        var gen = new RandomStream(2);
        using var x = randn(300, 8, generator: gen);
        using var y = randn(300, 8, generator: gen) * 1.5 + 0.3;
        using var permuted = y.index_select(0, randperm(300, generator: gen));
        Assert.Equal(FrechetDistance.Between(x, y), FrechetDistance.Between(x, permuted), 9);
        Assert.True(FrechetDistance.Between(x, y) > 1);
    }

    [Fact]
    public void Fd_to_one_repeated_point_is_the_mean_gap_plus_the_total_variance()
    {
        // Σ₁ = 0 makes the cross term vanish: FD = ‖μ₁ − μ₂‖² + tr Σ₂, finite although Σ₁ is singular.
        using var x = randn(1000, 4, generator: new RandomStream(3)).to_type(float64);
        using var point = tensor(new[] { 1.0, 0.0, 0.0, 2.0 });
        using var repeated = point.unsqueeze(0).expand(50, 4);
        using var moments = GaussianMoments.Of(x);
        double expected = (moments.Mean - point).square().sum().item<double>() + moments.Covariance.trace().item<double>();
        Assert.Equal(expected, FrechetDistance.Between(repeated, x), 9);
    }

    [Fact]
    public void Fd_rejects_features_of_different_dimensions()
    {
        using var x = zeros(10, 3);
        using var y = zeros(10, 4);
        var error = Assert.Throws<ArgumentException>(() => FrechetDistance.Between(x, y));
        Assert.Contains("same dimension", error.Message);
    }
}
