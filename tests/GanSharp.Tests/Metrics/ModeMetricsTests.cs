using GanSharp.Distributions;
using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class ModeMetricsTests
{
    private static Tensor Points(params double[][] rows) =>
        tensor(rows.SelectMany(r => r).ToArray(), new long[] { rows.Length, rows[0].Length });

    [Fact]
    public void Samples_on_half_the_ring_capture_half_the_modes_with_the_reverse_kl_of_that_histogram()
    {
        var ring = TargetDistributions.Ring();
        var m = ring.Modes;
        // Two samples at mode 0, one at modes 1 and 2, one far from everything.
        using var x = Points(m[0], m[0], m[1], m[2], new[] { 0.0, 0.0 });
        var r = ModeMetrics.Compute(x, ring);
        Assert.Equal(3, r.ModesCaptured);
        Assert.Equal(8, r.ModesTotal);
        Assert.Equal(4.0 / 5, r.HighQualityFraction, 12);
        // p̂ = (½, ¼, ¼): Σ p log(8p) = ½ log 4 + ½ log 2 = 1.5 log 2.
        Assert.Equal(1.5 * Math.Log(2), r.ReverseKl!.Value, 12);
        Assert.Equal(new[] { 2, 1, 1, 0, 0, 0, 0, 0 }, r.HighQualityPerMode);
    }

    [Fact]
    public void A_sample_counts_as_high_quality_up_to_three_sigma_and_not_beyond()
    {
        var modes = new[] { new[] { 0.0, 0.0 }, new[] { 10.0, 0.0 } };
        using var x = Points(new[] { 0.2999, 0.0 }, new[] { 10.0, 0.3001 });
        var r = ModeMetrics.Compute(x, modes, 0.1);
        Assert.Equal(1, r.ModesCaptured);
        Assert.Equal(0.5, r.HighQualityFraction, 12);
        Assert.Equal(Math.Log(2), r.ReverseKl!.Value, 12);   // all mass on one of two modes
    }

    [Fact]
    public void Uniform_coverage_of_every_mode_has_zero_reverse_kl()
    {
        var grid = TargetDistributions.Grid();
        using var x = Points(grid.Modes.Concat(grid.Modes).ToArray());
        var r = ModeMetrics.Compute(x, grid);
        Assert.Equal(25, r.ModesCaptured);
        Assert.Equal(1.0, r.HighQualityFraction);
        Assert.Equal(0.0, r.ReverseKl!.Value, 12);
    }

    [Fact]
    public void No_high_quality_sample_gives_no_reverse_kl_and_nan_samples_never_count()
    {
        var ring = TargetDistributions.Ring();
        using var x = Points(new[] { 0.0, 0.0 }, new[] { double.NaN, 2.0 });
        var r = ModeMetrics.Compute(x, ring);
        Assert.Equal(0, r.ModesCaptured);
        Assert.Equal(0.0, r.HighQualityFraction);
        Assert.Null(r.ReverseKl);
    }

    [Fact]
    public void Samples_of_the_wrong_dimension_are_rejected()
    {
        var ring = TargetDistributions.Ring();
        Assert.Throws<ArgumentException>(() => ModeMetrics.Compute(zeros(3, 1), ring));
    }
}
