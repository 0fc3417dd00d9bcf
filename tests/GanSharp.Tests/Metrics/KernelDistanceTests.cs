using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class KernelDistanceTests
{
    [Fact]
    public void The_polynomial_kernel_is_the_cube_of_the_scaled_dot_product_plus_one()
    {
        // d = 2: k(x, y) = (xᵀy / 2 + 1)³; (1, 2)·(3, 1) = 5 → 3.5³ = 42.875; (1, 2)·(0, 0) = 0 → 1; (−2, 0)·(3, 1) = −6 → (−2)³ = −8.
        using var x = tensor(new double[,] { { 1, 2 }, { -2, 0 } });
        using var y = tensor(new double[,] { { 3, 1 }, { 0, 0 } });
        using var k = KernelDistance.PolynomialKernel(x, y);
        Assert.Equal(new[] { 42.875, 1, -8, 1 }, k.data<double>().ToArray());
    }

    [Fact]
    public void The_unbiased_mmd_matches_a_hand_computed_value()
    {
        // d = 1, k(x, y) = (xy + 1)³. X = {0, 1}, Y = {0, 2}.
        // Within X: k(0, 1) = 1, twice, over 2·1 → 1. Within Y: k(0, 2) = 1 → 1.
        // Across: k(0,0) + k(0,2) + k(1,0) + k(1,2) = 1 + 1 + 1 + 27 = 30, times 2/(2·2) → 15. MMD²_u = 1 + 1 − 15 = −13.
        using var x = tensor(new double[,] { { 0 }, { 1 } });
        using var y = tensor(new double[,] { { 0 }, { 2 } });
        Assert.Equal(-13, KernelDistance.UnbiasedMmdSquared(x, y), 12);
    }

    [Fact]
    public void Kid_of_two_samples_of_one_distribution_is_within_twice_its_spread_of_zero()
    {
        var gen = new RandomStream(5);
        using var x = randn(1000, 16, generator: gen);
        using var y = randn(1000, 16, generator: gen);
        var (kid, std) = KernelDistance.Compute(x, y, new RandomStream(6));
        // The mean over subsets of the 1,000 is about the full sets' unbiased estimate, whose own spread is about half a subset's.
        Assert.True(std > 0);
        Assert.InRange(kid, -2 * std, 2 * std);
    }

    [Fact]
    public void Kid_of_shifted_samples_approaches_the_population_mmd()
    {
        // X ~ N(0, I_d), Y = X' + δe₁, k = (xᵀy/d + 1)³, a = δ²/d. With u = xᵀx'/d (E u = 0, E u² = 1/d, odd moments 0) and the
        // shift's terms v: E k(x,x') = 1 + 3/d; E k(x,y) = 1 + 3(1 + a)/d; E k(y,y') = (1+a)³ + 3(1+a)(1+2a)/d + 6a/d². So
        // MMD² = E k(x,x') + E k(y,y') − 2 E k(x,y) = 3a + 3a² + a³ + 3(a + 2a²)/d + 6a/d² (= 1.328125 for d = 4, δ = 1).
        int d = 4;
        double delta = 1.0, a = delta * delta / d;
        double expected = 3 * a + 3 * a * a + a * a * a + 3 * (a + 2 * a * a) / d + 6 * a / (d * d);
        var gen = new RandomStream(8);
        using var x = randn(4000, d, generator: gen);
        using var shift = tensor(new[] { (float)delta, 0f, 0f, 0f });
        using var y = randn(4000, d, generator: gen) + shift;
        var (kid, std) = KernelDistance.Compute(y, x, new RandomStream(9), subsets: 20);
        Assert.Equal(1.328125, expected, 12);
        // The cubic kernel's heavy tails make single estimates noisy: 15% is about three of their standard deviations here.
        Assert.InRange(kid, expected * 0.85, expected * 1.15);
        Assert.True(kid > 5 * std);
    }
}
