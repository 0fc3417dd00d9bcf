using GanSharp.Evaluation;
using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

public sealed class DigitReaderTests(SyntheticDigitClassifierFixture fixture) : IClassFixture<SyntheticDigitClassifierFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static TrainedClassifier Untrained(int seed)
    {
        manual_seed(seed);
        var record = new ClassifierRecord("none", "untrained", 10, 0, 0, 0, $"seed={seed}", DateTime.UnixEpoch);
        return new TrainedClassifier(new FeatureClassifier(10), record, $"untrained-{seed}", FromCache: false);
    }

    [Fact]
    public void One_classifier_reads_its_own_logits()
    {
        using var scope = NewDisposeScope();
        var images = fixture.Digits.Test.Images.narrow(0, 0, 40);
        using var reader = DigitReader.Of(fixture.Classifier);
        var (_, logits) = FeatureClassifierTrainer.Embed(fixture.Classifier.Classifier, images);
        Assert.True(reader.Logits(images).eq(logits).all().item<bool>(), "a reader of one classifier must give its logits unchanged");
        Assert.Same(fixture.Classifier.Record, reader.Record);
    }

    [Fact]
    public void Two_classifiers_read_the_log_of_their_averaged_probabilities()
    {
        using var scope = NewDisposeScope();
        var images = fixture.Digits.Test.Images.narrow(0, 0, 40);
        using var a = Untrained(3);
        using var b = Untrained(4);
        using var reader = new DigitReader(new[] { a, b }, a.Record, ownsMembers: false);
        var pa = FeatureClassifierTrainer.Embed(a.Classifier, images).Logits.to_type(float64).softmax(1);
        var pb = FeatureClassifierTrainer.Embed(b.Classifier, images).Logits.to_type(float64).softmax(1);
        var expected = ((pa + pb) / 2).log();                              // log p̄, p̄ = (p_a + p_b)/2
        var read = reader.Logits(images).to_type(float64);
        Assert.True(read.allclose(expected, rtol: 1e-5, atol: 1e-6), "log of the averaged probabilities");
        Assert.True(read.exp().sum(1).allclose(ones(40, dtype: float64), rtol: 1e-5), "exp of the logits sums to 1");
        Assert.False(pa.argmax(1).eq(pb.argmax(1)).all().item<bool>(), "the two untrained classifiers should disagree somewhere, or the test shows nothing");
    }

    [Fact]
    public void Build_takes_members_from_consecutive_seeds_and_measures_the_accuracy_of_their_average()
    {
        var seeds = new List<int>();
        var cache = new ClassifierCache(_dir.File("cache"));
        var options = new FeatureClassifierOptions(Epochs: 1, BatchSize: 32, Seed: 5);
        using var reader = DigitReader.Build(fixture.Digits, options, 3, memberOptions =>
        {
            seeds.Add(memberOptions.Seed);
            return FeatureClassifiers.GetOrTrain(fixture.Digits, memberOptions, cache);
        });
        Assert.Equal(new[] { 5, 6, 7 }, seeds);
        Assert.Equal(3, reader.Members.Count);
        Assert.Contains("ensemble of seeds 5…7", reader.Record.Training);
        Assert.StartsWith("3 × (", reader.Record.Architecture);

        // The recorded accuracy is that of the argmax of (p₅ + p₆ + p₇)/3 on the held-out digits, computed here by hand.
        using var scope = NewDisposeScope();
        var test = fixture.Digits.Test;
        var mean = reader.Members.Select(m => FeatureClassifierTrainer.Embed(m.Classifier, test.Images).Logits.softmax(1)).Aggregate((x, y) => x + y) / 3;
        var labels = tensor(test.Labels!.Select(l => (long)l).ToArray());
        double accuracy = mean.argmax(1).eq(labels).to_type(float64).mean().item<double>();
        Assert.Equal(accuracy, reader.Record.TestAccuracy, 9);
        Assert.Equal(test.Labels!.Length, reader.Record.TestCount);
    }

    [Fact]
    public void An_ensemble_of_one_classifier_twice_reads_the_same_stacked_modes_as_the_classifier()
    {
        using var scope = NewDisposeScope();
        var test = fixture.Digits.Test;
        var picks = arange(0, 3 * 60, dtype: int64).remainder(test.Images.shape[0]).reshape(60, 3);
        var stacks = GanSharp.Data.StackedMnist.Stack(test.Images, picks);
        using var single = DigitReader.Of(fixture.Classifier);
        using var twice = new DigitReader(new[] { fixture.Classifier, fixture.Classifier }, fixture.Classifier.Record, ownsMembers: false);
        Assert.Equal(StackedMnistEvaluation.Modes(single, stacks), StackedMnistEvaluation.Modes(twice, stacks));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(DigitReader.MaxSize + 1)]
    public void A_reader_of_no_or_too_many_classifiers_is_refused(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DigitReader.Build(fixture.Digits, new FeatureClassifierOptions(), size, _ => throw new InvalidOperationException("no member should be trained")));
        Assert.Contains($"1 … {DigitReader.MaxSize}", error.Message);
    }
}
