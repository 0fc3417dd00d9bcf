using GanSharp.Evaluation;

namespace GanSharp.Tests.Evaluation;

[Collection(BarClassifierCollection.Name)]
public class EvaluatorTests
{
    private readonly BarClassifierFixture _bars;

    public EvaluatorTests(BarClassifierFixture bars) => _bars = bars;


    [Fact]
    public void Calibration_orders_real_below_repeated_and_noise_in_fd()
    {
        var rows = _bars.Calibration;
        Assert.Equal(new[] { "real", "noise", "repeated" }, rows.Select(r => r.Name));
        var real = rows[0];
        Assert.True(real.Fd * 10 < rows[1].Fd, $"FD real {real.Fd}, noise {rows[1].Fd}");
        Assert.True(real.Fd * 10 < rows[2].Fd, $"FD real {real.Fd}, repeated {rows[2].Fd}");
        Assert.InRange(real.Precision, 0.8, 1.0);
        Assert.InRange(real.Recall, 0.8, 1.0);
        Assert.InRange(real.ClassKl!.Value, 0.0, 0.05);
        Assert.Equal(3, real.ClassesCovered);
    }

    [Fact]
    public void Kid_of_held_out_real_images_is_within_twice_its_spread_of_zero_and_noise_is_far_and_sharper()
    {
        var (real, noise, repeated) = (_bars.Calibration[0], _bars.Calibration[1], _bars.Calibration[2]);
        Assert.InRange(real.Kid, -2 * real.KidStd, 2 * real.KidStd);
        Assert.True(noise.Kid > 10 * noise.KidStd && repeated.Kid > 10 * repeated.KidStd, $"KID noise {noise.Kid} ± {noise.KidStd}, repeated {repeated.Kid} ± {repeated.KidStd}");
        // Held-out bars are drawn like the reference: as sharp; unclamped N(0, 1) pixels have far more edge energy than the bars' noise.
        Assert.InRange(real.Sharpness, 0.95, 1.05);
        Assert.True(noise.Sharpness > 1.5, $"noise sharpness {noise.Sharpness}");
    }

    [Fact]
    public void One_repeated_image_is_faithful_but_covers_one_class_and_almost_none_of_the_data()
    {
        var repeated = _bars.Calibration[2];
        Assert.Equal(1.0, repeated.Precision);
        Assert.InRange(repeated.Recall, 0.0, 0.02);
        Assert.InRange(repeated.Coverage, 0.0, 0.05);
        Assert.Equal(1, repeated.ClassesCovered);
        Assert.Equal(1.0, repeated.ClassifierScore!.Value, 6);
        // The reference has about a third of each class, so collapse onto one costs about log 3.
        Assert.InRange(repeated.ClassKl!.Value, Math.Log(3) - 0.1, Math.Log(3) + 0.1);
    }

    [Fact]
    public void Noise_lies_outside_the_real_manifold()
    {
        var noise = _bars.Calibration[1];
        Assert.InRange(noise.Precision, 0.0, 0.05);
        Assert.InRange(noise.Density, 0.0, 0.05);
    }

    [Fact]
    public void The_fd_shortcut_matches_the_full_score()
    {
        Assert.Equal(_bars.Calibration[0].Fd, _bars.Evaluator.FrechetDistanceOf(_bars.HeldOut), 9);
    }

    [Fact]
    public void Without_class_metrics_the_label_based_numbers_are_absent()
    {
        using var evaluator = new Evaluator(_bars.Classifier, _bars.Reference, new EvaluationOptions(SampleCount: 300), classMetrics: false);
        var row = evaluator.Score("model", _bars.HeldOut);
        Assert.Null(row.ClassifierScore);
        Assert.Null(row.ClassesCovered);
        Assert.Null(row.ClassKl);
        Assert.True(row.Fd >= 0);
    }
}
