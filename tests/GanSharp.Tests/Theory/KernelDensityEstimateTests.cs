using GanSharp.Theory;
using static TorchSharp.torch;

namespace GanSharp.Tests.Theory;

public class KernelDensityEstimateTests
{
    private static double[] DensityAt(double[] samples, double[] at, double bandwidth)
    {
        using var centres = tensor(samples, new long[] { samples.Length, 1 });
        using var x = tensor(at, new long[] { at.Length, 1 });
        var kde = new KernelDensityEstimate("kde", centres, bandwidth);
        using var log = kde.LogDensity(x);
        return log.exp().data<double>().ToArray();
    }

    [Fact]
    public void The_estimate_of_two_equal_samples_is_the_normal_density_with_the_bandwidth_as_deviation()
    {
        // p̂(x) = φ((x − 1)/h)/h with h = 0.5: at x = 1 → 1/(0.5·√(2π)) = 0.797885; at x = 2 → e^(−2)/(0.5·√(2π)) = 0.107982.
        var p = DensityAt(new[] { 1.0, 1.0 }, new[] { 1.0, 2.0 }, 0.5);
        Assert.Equal(0.7978846, p[0], 6);
        Assert.Equal(0.1079819, p[1], 6);
    }

    [Fact]
    public void The_estimate_of_two_samples_is_the_mean_of_their_kernels()
    {
        // At x = 0 with samples ±1 and h = 1: φ(1) = 0.241971 for both.
        var p = DensityAt(new[] { -1.0, 1.0 }, new[] { 0.0 }, 1.0);
        Assert.Equal(0.2419707, p[0], 6);
    }

    [Fact]
    public void Silverman_bandwidth_of_one_to_five_uses_the_smaller_of_deviation_and_iqr_over_1_34()
    {
        // σ̂ = √2.5 = 1.581139, IQR = 4 − 2 = 2 → 2/1.34 = 1.492537; h = 0.9 · 1.492537 · 5^(−0.2) = 0.973585.
        Assert.Equal(0.973585, KernelDensityEstimate.SilvermanBandwidth(new[] { 1.0, 2, 3, 4, 5 }), 5);
    }

    [Fact]
    public void A_constant_sample_gets_a_small_positive_silverman_bandwidth()
    {
        Assert.Equal(1e-3, KernelDensityEstimate.SilvermanBandwidth(new[] { 2.0, 2.0, 2.0 }));
    }

    [Fact]
    public void Scott_bandwidth_of_one_to_five_is_the_deviation_times_n_to_the_minus_one_fifth()
    {
        // σ̂ = √2.5 = 1.581139; h = 1.581139 · 5^(−0.2) = 1.581139 · 0.724780 = 1.145977.
        using var x = tensor(new[] { 1.0, 2, 3, 4, 5 }, new long[] { 5, 1 });
        Assert.Equal(1.145977, KernelDensityEstimate.ScottBandwidth(x), 5);
    }

    [Fact]
    public void Leave_one_out_bandwidth_of_two_tight_clusters_is_far_below_scott()
    {
        // Clusters at ±5 with spread 0.01: Scott's h follows the overall spread (≈ 5 · 40^(−1/5) ≈ 2.4),
        // while the leave-one-out likelihood prefers an h near the cluster width.
        var values = Enumerable.Range(0, 40).Select(i => (i < 20 ? -5.0 : 5.0) + 0.01 * ((i % 20) - 9.5) / 5.77).ToArray();
        using var x = tensor(values, new long[] { 40, 1 });
        var candidates = new[] { 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0 };
        double h = KernelDensityEstimate.LeaveOneOutBandwidth(x, candidates);
        Assert.InRange(h, 0.001, 0.03);
        Assert.True(KernelDensityEstimate.ScottBandwidth(x) > 2);
    }
}
