using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Theory;
using static TorchSharp.torch;

namespace GanSharp.Tests.Theory;

public class DivergenceTests
{
    private static GaussianMixture Normal(double mean, double stddev) => new("n", new[] { new[] { mean } }, new[] { stddev });

    private static void AssertRelative(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    [Fact]
    public void Gaussian_kl_closed_form_matches_a_number_worked_by_hand()
    {
        // KL(N(0, 1)‖N(1, 2²)) = log 2 + (1 + 1)/8 − ½.
        AssertRelative(Math.Log(2) + 0.25 - 0.5, GaussianKl.Univariate(0, 1, 1, 2), 1e-12);
        Assert.Equal(0, GaussianKl.Isotropic(new[] { 1.0, 2.0 }, 0.5, new[] { 1.0, 2.0 }, 0.5), 12);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0, 2.0)]
    [InlineData(-1.0, 0.3, 2.0, 1.5)]
    [InlineData(0.5, 2.0, 0.0, 0.7)]
    public void One_dimensional_quadrature_kl_matches_the_gaussian_closed_form_to_one_part_in_a_million(double m1, double s1, double m2, double s2)
    {
        var grid = QuadratureGrid.Line(-30, 30, 200_000);
        AssertRelative(GaussianKl.Univariate(m1, s1, m2, s2), KlDivergence.Quadrature(Normal(m1, s1), Normal(m2, s2), grid), 1e-6);
    }

    [Fact]
    public void Two_dimensional_grid_quadrature_kl_matches_the_isotropic_closed_form_to_one_part_in_a_million()
    {
        var p = new GaussianMixture("p", new[] { new[] { 0.0, 0.5 } }, new[] { 0.8 });
        var q = new GaussianMixture("q", new[] { new[] { 1.0, -0.5 } }, new[] { 1.2 });
        var grid = QuadratureGrid.Square(-12, 12, 1200);
        AssertRelative(GaussianKl.Isotropic(new[] { 0.0, 0.5 }, 0.8, new[] { 1.0, -0.5 }, 1.2), KlDivergence.Quadrature(p, q, grid), 1e-6);
    }

    [Fact]
    public void Jsd_of_disjoint_supports_is_log_2_by_quadrature_and_by_monte_carlo()
    {
        var p = new UniformInterval(0, 1);
        var q = new UniformInterval(2, 3);
        AssertRelative(Math.Log(2), JensenShannon.Quadrature(p, q, QuadratureGrid.Line(-1, 4, 5000)), 1e-6);
        using var random = new RandomStream(3);
        var mc = JensenShannon.MonteCarlo(p, q, 1000, random);
        AssertRelative(Math.Log(2), mc.Value, 1e-6);
    }

    [Fact]
    public void Jsd_is_zero_for_equal_distributions_and_symmetric_and_below_log_2()
    {
        var grid = QuadratureGrid.Line(-20, 20, 40_000);
        var a = TargetDistributions.Mixture1D();
        var b = Normal(0.5, 1.5);
        Assert.True(Math.Abs(JensenShannon.Quadrature(a, a, grid)) < 1e-12);
        double ab = JensenShannon.Quadrature(a, b, grid);
        Assert.Equal(ab, JensenShannon.Quadrature(b, a, grid), 10);
        Assert.InRange(ab, 0.05, Math.Log(2));
    }

    [Fact]
    public void Monte_carlo_kl_and_jsd_agree_with_quadrature_within_four_standard_errors()
    {
        using var random = new RandomStream(7);
        var p = TargetDistributions.Mixture1D();
        var q = Normal(0, 1.5);
        var grid = QuadratureGrid.Line(-20, 20, 40_000);
        var kl = KlDivergence.MonteCarlo(p, q, 20_000, random);
        Assert.True(Math.Abs(kl.Value - KlDivergence.Quadrature(p, q, grid)) < 4 * kl.StandardError, $"KL MC {kl}");
        var jsd = JensenShannon.MonteCarlo(p, q, 20_000, random);
        Assert.True(Math.Abs(jsd.Value - JensenShannon.Quadrature(p, q, grid)) < 4 * jsd.StandardError, $"JSD MC {jsd}");
    }

    [Fact]
    public void Optimal_discriminator_is_one_half_where_densities_agree_and_its_value_is_minus_two_log_2_at_zero_jsd()
    {
        using var logP = tensor(new[] { -1.0, -2.0, -3.0 });
        using var logQ = tensor(new[] { -1.0, -3.0, -2.0 });
        var d = OptimalDiscriminator.Probability(logP, logQ).data<double>().ToArray();
        Assert.Equal(0.5, d[0], 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), d[1], 12);
        Assert.Equal(-2 * Math.Log(2), OptimalDiscriminator.MaxValue(0), 12);
        Assert.Equal(0.3, OptimalDiscriminator.JensenShannonFromValue(OptimalDiscriminator.MaxValue(0.3)), 12);
    }
}
