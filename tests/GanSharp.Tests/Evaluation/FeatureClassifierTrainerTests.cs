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
        var problems = new FeatureClassifierOptions(Epochs: 0, BatchSize: 0).Validate();
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void The_settings_in_the_cache_key_read_the_same_in_a_culture_that_writes_decimal_commas()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("epochs=3;batch=128;lr=0.001;seed=0", new FeatureClassifierOptions().Describe());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
