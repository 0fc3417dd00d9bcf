using GanSharp.Metrics;
using static TorchSharp.torch;

namespace GanSharp.Tests.Metrics;

public class ClassifierScoreTests
{
    [Fact]
    public void Confident_predictions_spread_evenly_over_c_classes_score_c()
    {
        using var p = eye(4, dtype: float64).repeat(5, 1);                     // 20 one-hot rows, 5 per class
        Assert.Equal(4.0, ClassifierScore.Compute(p), 12);
    }

    [Fact]
    public void Predictions_that_all_name_one_class_score_one()
    {
        using var p = tensor(new double[,] { { 0, 1, 0 }, { 0, 1, 0 }, { 0, 1, 0 } });
        Assert.Equal(1.0, ClassifierScore.Compute(p), 12);
    }

    [Fact]
    public void Classifier_score_is_the_exponential_of_the_mean_kl_to_the_marginal()
    {
        // Rows (1, 0) and (½, ½): marginal (¾, ¼); KL₁ = log(4/3), KL₂ = ½ log(2/3) + ½ log 2.
        using var p = tensor(new double[,] { { 1, 0 }, { 0.5, 0.5 } });
        double expected = Math.Exp((Math.Log(4.0 / 3) + 0.5 * Math.Log(2.0 / 3) + 0.5 * Math.Log(2)) / 2);
        Assert.Equal(expected, ClassifierScore.Compute(p), 12);
        Assert.Equal(1.2408064788, expected, 9);
    }

    [Fact]
    public void Classifier_score_from_logits_applies_softmax_first()
    {
        using var logits = tensor(new double[,] { { 2, 0, -1 }, { 0, 3, 1 }, { -2, 0, 4 } });
        using var p = logits.softmax(1);
        Assert.Equal(ClassifierScore.Compute(p), ClassifierScore.FromLogits(logits), 12);
    }

    [Fact]
    public void The_class_histogram_counts_the_argmax_of_each_row()
    {
        using var logits = tensor(new float[,] { { 5, 0, 0 }, { 0, 5, 0 }, { 4, 0, 1 }, { 3, 2, 1 } });
        Assert.Equal(new[] { 0.75, 0.25, 0.0 }, ClassCoverage.Histogram(logits));
    }

    [Fact]
    public void A_class_covered_only_by_stray_samples_does_not_count()
    {
        // Threshold 0.1 · 1/4 = 0.025: 0.02 is too little, 0.03 is enough.
        Assert.Equal(3, ClassCoverage.ClassesCovered(new[] { 0.5, 0.45, 0.03, 0.02 }));
        Assert.Equal(1, ClassCoverage.ClassesCovered(new[] { 1.0, 0, 0, 0 }));
    }

    [Fact]
    public void Class_kl_is_zero_for_equal_histograms_and_log_c_for_collapse_onto_one_of_c_even_classes()
    {
        var even = Enumerable.Repeat(0.1, 10).ToArray();
        var collapsed = new double[10];
        collapsed[3] = 1;
        Assert.Equal(0.0, ClassCoverage.HistogramKl(even, even), 12);
        Assert.Equal(Math.Log(10), ClassCoverage.HistogramKl(collapsed, even), 12);
        Assert.Equal(0.5 * Math.Log(0.5 / 0.25) + 0.5 * Math.Log(0.5 / 0.75), ClassCoverage.HistogramKl(new[] { 0.5, 0.5 }, new[] { 0.25, 0.75 }), 12);
    }

    [Fact]
    public void Class_kl_is_infinite_when_the_model_makes_a_class_the_data_never_shows()
    {
        Assert.Equal(double.PositiveInfinity, ClassCoverage.HistogramKl(new[] { 0.5, 0.5 }, new[] { 1.0, 0.0 }));
    }
}
