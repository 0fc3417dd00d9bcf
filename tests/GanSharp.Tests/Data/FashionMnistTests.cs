using GanSharp.Data;

namespace GanSharp.Tests.Data;

public class FashionMnistTests
{
    [FashionMnistFact]
    public void The_installed_training_set_has_60000_images_6000_per_class_in_minus_one_to_one()
    {
        using var set = FashionMnist.Load();
        Assert.Equal(new long[] { 60_000, 1, 28, 28 }, set.Images.shape);
        Assert.All(set.Labels!.GroupBy(l => l), g => Assert.Equal(6000, g.Count()));
        Assert.Equal(10, set.Labels!.Distinct().Count());
        Assert.Equal(-1f, set.Images.min().item<float>());
        Assert.Equal(1f, set.Images.max().item<float>());
    }

    [FashionMnistFact]
    public void The_installed_test_set_has_10000_images()
    {
        using var set = FashionMnist.Load(train: false);
        Assert.Equal(10_000, set.Count);
    }
}
