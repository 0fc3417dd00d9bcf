using System.Globalization;
using GanSharp.Evaluation;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

public class FeatureClassifierTrainerTests
{
    private static readonly FeatureClassifierOptions Quick = new(Epochs: 1, BatchSize: 32, Seed: 4);

    [Fact]
    public void One_epoch_on_bar_images_classifies_held_out_bars_almost_perfectly()
    {
        var (trainImages, trainLabels) = SyntheticImages.Make(480, seed: 1);
        var (testImages, testLabels) = SyntheticImages.Make(150, seed: 2);
        using (trainImages)
        using (testImages)
        using (var classifier = FeatureClassifierTrainer.Train(trainImages, trainLabels, SyntheticImages.ClassCount, Quick))
        using (var untrained = new GanSharp.Models.FeatureClassifier(SyntheticImages.ClassCount))
        {
            Assert.InRange(FeatureClassifierTrainer.Accuracy(classifier, testImages, testLabels), 0.95, 1.0);
            Assert.InRange(FeatureClassifierTrainer.Accuracy(untrained, testImages, testLabels), 0.0, 0.7);
        }
    }

    [Fact]
    public void Training_reports_a_falling_loss_per_epoch()
    {
        var (images, labels) = SyntheticImages.Make(240, seed: 3);
        var losses = new List<double>();
        using (images)
        using (FeatureClassifierTrainer.Train(images, labels, SyntheticImages.ClassCount, Quick with { Epochs = 2 }, (_, loss) => losses.Add(loss)))
        {
            Assert.Equal(2, losses.Count);
            Assert.True(losses[1] < losses[0], $"losses {losses[0]} then {losses[1]}");
        }
    }

    [Fact]
    public void Labels_outside_the_classes_are_rejected_with_the_offending_value()
    {
        using var images = zeros(2, 1, 28, 28);
        var error = Assert.Throws<ArgumentException>(() => FeatureClassifierTrainer.Train(images, new[] { 0, 7 }, 3, Quick));
        Assert.Contains("found 7", error.Message);
    }

    [Fact]
    public void Invalid_options_are_reported_together()
    {
        var problems = new FeatureClassifierOptions(Epochs: 0, BatchSize: 0, Shift: FeatureClassifierOptions.MaxShift + 1).Validate();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("shift must be 0 … 7 pixels (got 8)"));
    }

    [Fact]
    public void Training_on_shifted_images_reads_shapes_far_off_centre_that_training_on_centred_ones_misses()
    {
        // Three shapes drawn only in the middle for training; held out: the same shapes moved six pixels right and up.
        var (trainImages, trainLabels) = CentredShapes(600, seed: 1);
        var (testImages, testLabels) = CentredShapes(150, seed: 2);
        using var scope = NewDisposeScope();
        var moved = RandomShift.Apply(testImages, tensor(new float[] { 6, -6 }).expand(150, 2));
        var options = Quick with { Epochs = 3 };
        using var centred = FeatureClassifierTrainer.Train(trainImages, trainLabels, 3, options);
        using var shifted = FeatureClassifierTrainer.Train(trainImages, trainLabels, 3, options with { Shift = 7 });
        double centredAccuracy = FeatureClassifierTrainer.Accuracy(centred, moved, testLabels);
        double shiftedAccuracy = FeatureClassifierTrainer.Accuracy(shifted, moved, testLabels);
        Assert.True(shiftedAccuracy > centredAccuracy + 0.2 && shiftedAccuracy > 0.8,
            $"accuracy on moved shapes: {shiftedAccuracy:P1} trained shifted, {centredAccuracy:P1} trained centred");
    }

    /// <summary>Class 0: a horizontal stroke, 1: a vertical stroke, 2: a 3×3 dot, bright on a dark noisy 28 × 28 background, centred.</summary>
    private static (Tensor Images, int[] Labels) CentredShapes(int n, int seed)
    {
        var stream = new RandomStream((ulong)seed);
        var labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        using var scope = NewDisposeScope();
        var images = randn(n, 1, 28, 28, generator: stream) * 0.1 - 0.9;
        for (int i = 0; i < n; i++)
        {
            var (rows, columns) = labels[i] switch
            {
                0 => (TensorIndex.Slice(13, 15), TensorIndex.Slice(10, 18)),
                1 => (TensorIndex.Slice(10, 18), TensorIndex.Slice(13, 15)),
                _ => (TensorIndex.Slice(13, 16), TensorIndex.Slice(13, 16)),
            };
            images[i, 0, rows, columns] = tensor(1f);
        }
        return (images.clamp(-1, 1).MoveToOuterDisposeScope(), labels);
    }

    [Fact]
    public void The_settings_in_the_cache_key_read_the_same_in_a_culture_that_writes_decimal_commas()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("epochs=3;batch=128;lr=0.001;seed=0", new FeatureClassifierOptions().Describe());
            Assert.Equal("epochs=3;batch=128;lr=0.001;seed=0;shift=2", new FeatureClassifierOptions(Shift: 2).Describe());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
