using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Models;

public class FeatureClassifierTests
{
    [Fact]
    public void The_classifier_gives_128_features_and_one_logit_per_class()
    {
        using var classifier = new FeatureClassifier(10);
        classifier.eval();
        using var x = zeros(5, 1, 28, 28);
        var (features, logits) = classifier.ForwardBoth(x);
        using (features)
        using (logits)
        {
            Assert.Equal(new long[] { 5, FeatureClassifier.FeatureDimension }, features.shape);
            Assert.Equal(new long[] { 5, 10 }, logits.shape);
        }
    }

    [Fact]
    public void The_classifier_rejects_images_that_are_not_28_by_28_grayscale()
    {
        using var classifier = new FeatureClassifier(10);
        using var x = zeros(2, 3, 28, 28);
        var error = Assert.Throws<ArgumentException>(() => classifier.forward(x));
        Assert.Contains("[n, 1, 28, 28]", error.Message);
    }

    [Fact]
    public void The_architecture_string_names_the_class_count()
    {
        using var a = new FeatureClassifier(10);
        using var b = new FeatureClassifier(3);
        Assert.NotEqual(a.Architecture, b.Architecture);
    }
}
