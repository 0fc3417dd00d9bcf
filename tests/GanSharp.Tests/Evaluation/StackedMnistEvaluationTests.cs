using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Tests.Data;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

/// <summary>Synthetic digits split into train and held-out, and one digit classifier trained on them, shared by the tests.</summary>
public sealed class SyntheticDigitClassifierFixture : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("gansharp-stacked-eval-").FullName;

    public SyntheticDigitClassifierFixture()
    {
        Digits = EvaluationData.Split("synthetic digits", SyntheticDigits.Make(720, seed: 71), 10, seed: 2);
        Classifier = FeatureClassifiers.GetOrTrain(Digits, new FeatureClassifierOptions(Epochs: 2, BatchSize: 32, Seed: 1), new ClassifierCache(_cache));
    }

    public EvaluationData Digits { get; }

    public TrainedClassifier Classifier { get; }

    public void Dispose()
    {
        Classifier.Dispose();
        Digits.Dispose();
        Directory.Delete(_cache, recursive: true);
    }
}

public sealed class StackedMnistEvaluationTests(SyntheticDigitClassifierFixture fixture) : IClassFixture<SyntheticDigitClassifierFixture>
{
    private readonly EvaluationData _digits = fixture.Digits;
    private readonly TrainedClassifier _classifier = fixture.Classifier;
    private readonly DigitReader _reader = DigitReader.Of(fixture.Classifier);

    /// <summary>Stacks of held-out digits whose channel c shows digit digitsOf(i)[c] (an image of that digit, chosen in turn).</summary>
    private Tensor Stacks(int n, Func<int, int[]> digitsOf)
    {
        var labels = _digits.Test.Labels!;
        var byDigit = Enumerable.Range(0, 10).Select(d => Enumerable.Range(0, labels.Length).Where(i => labels[i] == d).ToArray()).ToArray();
        var picks = Enumerable.Range(0, n).SelectMany(i => digitsOf(i).Select((d, c) => (long)byDigit[d][(i + c) % byDigit[d].Length])).ToArray();
        using var index = tensor(picks).reshape(n, 3);
        return StackedMnist.Stack(_digits.Test.Images, index);
    }

    [Fact]
    public void Stacks_whose_red_digit_is_always_3_capture_the_100_modes_3xx_with_kl_log_10()
    {
        Assert.True(_classifier.Record.TestAccuracy > 0.99, $"accuracy {_classifier.Record.TestAccuracy}");
        // Every (green, blue) pair three times under red 3: 100 equally likely modes, KL = Σ 0.01 · log(0.01 · 1000) = log 10.
        using var images = Stacks(300, i => new[] { 3, i % 100 / 10, i % 10 });
        var modes = StackedMnistEvaluation.Modes(_reader, images);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => 300 + i % 100), modes);
        var row = StackedMnistEvaluation.Score("model", _reader, images, realEnergy: 1);
        Assert.Equal(100, row.ModesCaptured);
        Assert.Equal(Math.Log(10), row.ModeKl, 9);
        // Red always 3: its digit KL is log 10; green and blue uniform: 0.
        Assert.Equal(Math.Log(10), row.AttributeKl["red"], 9);
        Assert.Equal(0, row.AttributeKl["green"], 9);
        Assert.Equal(0, row.AttributeKl["blue"], 9);
        Assert.Equal(1, row.AttributeShares["red"]["3"], 9);
        Assert.All(StackedMnistEvaluation.DigitNames, d => Assert.Equal(0.1, row.AttributeShares["green"][d], 9));
    }

    [Fact]
    public void A_generator_stuck_on_one_mode_scores_one_mode_and_kl_log_1000_beside_real_stacks_that_capture_what_n_allows()
    {
        using var stuck = Stacks(1000, _ => new[] { 1, 2, 3 });
        var report = StackedMnistEvaluation.Run(_reader, _digits, GeneratorSamples.FromImages(stuck, 1000), n: 1000, seed: 4, checkpoint: "stuck");
        Assert.Equal((1, 1000), (report.Model!.ModesCaptured, report.ModeCount));
        Assert.Equal(Math.Log(1000), report.Model.ModeKl, 9);
        // 1,000 uniform draws of 1,000 modes leave e⁻¹ of them empty: 632 captured expected (600–662 in 300 simulated draws), KL 0.57 (0.52–0.63).
        var real = Assert.Single(report.Calibration);
        Assert.Equal("real", real.Name);
        Assert.InRange(real.ModesCaptured, 590, 675);
        Assert.InRange(real.ModeKl, 0.48, 0.68);
        Assert.InRange(real.Sharpness, 0.9, 1.1);

        var json = ModeCountJson.ToJson(report);
        Assert.Equal(1, json["modes_captured"]!.GetValue<int>());
        Assert.Equal(1000, json["mode_count"]!.GetValue<int>());
        Assert.Equal(real.ModesCaptured, json["calibration"]![0]!["modes_captured"]!.GetValue<int>());
        Assert.Equal(_classifier.Record.TestAccuracy, json["classifier"]!["test_accuracy"]!.GetValue<double>());
        // Every stack is 1, 2, 3: the red channel is all "1", the green all "2".
        Assert.Equal(1.0, json["attribute_shares"]!["red"]!["1"]!.GetValue<double>(), 9);
        Assert.Equal(0.0, json["attribute_shares"]!["green"]!["1"]!.GetValue<double>());
    }

    [Fact]
    public void Half_one_digit_and_half_another_reads_as_unclear_far_more_often_than_real_stacks()
    {
        using var scope = NewDisposeScope();
        var threes = Stacks(200, i => new[] { 3, i % 10, (i + 5) % 10 });
        var eights = Stacks(200, i => new[] { 8, (i + 3) % 10, (i + 1) % 10 });
        var blends = (threes + eights) / 2;
        var real = StackedMnistEvaluation.Score("real", _reader, threes, realEnergy: 1);
        var blended = StackedMnistEvaluation.Score("model", _reader, blends, realEnergy: 1);
        Assert.InRange(real.UnclearShare!.Value, 0, 0.05);
        Assert.True(blended.UnclearShare > real.UnclearShare + 0.3, $"unclear: blends {blended.UnclearShare:P1}, real {real.UnclearShare:P1}");
        Assert.Equal(blended.UnclearShare, ModeCountJson.ToJson(new ModeCountReport("d", 1000, "p", _classifier.Record, blended, [real], null))["unclear_share"]!.GetValue<double>());
    }
}
