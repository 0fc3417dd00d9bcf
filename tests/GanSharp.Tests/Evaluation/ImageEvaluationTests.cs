using System.Diagnostics.CodeAnalysis;
using GanSharp.Evaluation;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

[Collection(BarClassifierCollection.Name)]
[SuppressMessage("Design", "CA1001", Justification = "_classifier wraps the shared fixture's network, which the fixture disposes.")]
public class ImageEvaluationTests
{
    private readonly BarClassifierFixture _bars;
    private readonly TrainedClassifier _classifier;

    public ImageEvaluationTests(BarClassifierFixture bars)
    {
        _bars = bars;
        _classifier = new TrainedClassifier(bars.Classifier, new ClassifierRecord("bars", bars.Classifier.Architecture, 3, 480, 300, 1.0, "", DateTime.UnixEpoch), "key", false);
    }

    [Fact]
    public void A_generator_of_only_one_class_scores_worse_than_real_data_and_covers_one_class()
    {
        var (collapsed, _) = SyntheticImages.Make(600, seed: 41);
        using var onlyFirstClass = collapsed.index_select(0, arange(0, 600, 3));             // labels i % 3 == 0 → class 0
        collapsed.Dispose();
        long served = 0;
        Tensor Generate(long m)
        {
            var batch = onlyFirstClass.narrow(0, served, m);
            served += m;
            return batch;
        }
        var report = ImageEvaluation.Run("bars", _classifier, _bars.Reference, _bars.HeldOut, Generate, new EvaluationOptions(SampleCount: 200));
        var model = report.Model!;
        var real = report.Calibration.Single(r => r.Name == "real");
        Assert.Equal(200, model.SampleCount);
        Assert.Equal(1, model.ClassesCovered);
        Assert.True(model.Fd > real.Fd * 5, $"FD model {model.Fd}, real {real.Fd}");
        Assert.True(model.Recall < real.Recall - 0.4, $"recall model {model.Recall}, real {real.Recall}");
        Assert.Contains("not Inception-v3", report.FeatureSpace);
    }

    [Fact]
    public void Asking_for_more_reference_images_than_the_data_has_says_to_lower_n()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ImageEvaluation.Run("bars", _classifier, _bars.Reference, _bars.HeldOut, null, new EvaluationOptions(SampleCount: 1000)));
        Assert.Contains("lower --n", error.Message);
    }

    [Fact]
    public void Batched_drawing_returns_exactly_the_requested_count_in_order()
    {
        long next = 0;
        Tensor Count(long m)
        {
            var batch = arange(next, next + m, dtype: float32).unsqueeze(1);
            next += m;
            return batch;
        }
        using var drawn = GeneratorSamples.Draw(Count, 1234, batchSize: 500);
        Assert.Equal(new long[] { 1234, 1 }, drawn.shape);
        Assert.Equal(1233f, drawn[1233, 0].item<float>());
    }
}
