using GanSharp.Metrics;

namespace GanSharp.Tests.Metrics;

public class KernelDensityTests
{
    [Fact]
    public void The_estimate_of_one_sample_is_the_normal_density_with_the_bandwidth_as_deviation()
    {
        // p̂(x) = φ((x − 1)/h)/h with h = 0.5: at x = 1 → 1/(0.5·√(2π)) = 0.797885; at x = 2 → e^(−2)/(0.5·√(2π)) = 0.107982.
        var p = KernelDensity.Estimate(new[] { 1.0 }, new[] { 1.0, 2.0 }, 0.5);
        Assert.Equal(0.7978846, p[0], 6);
        Assert.Equal(0.1079819, p[1], 6);
    }

    [Fact]
    public void The_estimate_of_two_samples_is_the_mean_of_their_kernels()
    {
        // At x = 0 with samples ±1 and h = 1: φ(1) = 0.241971 for both.
        var p = KernelDensity.Estimate(new[] { -1.0, 1.0 }, new[] { 0.0 }, 1.0);
        Assert.Equal(0.2419707, p[0], 6);
    }

    [Fact]
    public void Silverman_bandwidth_of_one_to_five_uses_the_smaller_of_deviation_and_iqr_over_1_34()
    {
        // σ̂ = √2.5 = 1.581139, IQR = 4 − 2 = 2 → 2/1.34 = 1.492537; h = 0.9 · 1.492537 · 5^(−0.2) = 0.973585.
        Assert.Equal(0.973585, KernelDensity.SilvermanBandwidth(new[] { 1.0, 2, 3, 4, 5 }), 5);
    }

    [Fact]
    public void A_constant_sample_gets_a_small_positive_bandwidth()
    {
        Assert.Equal(1e-3, KernelDensity.SilvermanBandwidth(new[] { 2.0, 2.0, 2.0 }));
    }
}
