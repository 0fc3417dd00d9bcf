using GanSharp.Evaluation;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

public sealed class ClassifierCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gansharp-cache-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_second_request_for_the_same_data_loads_the_cached_classifier_with_identical_outputs()
    {
        var cache = new ClassifierCache(_folder);
        var options = new FeatureClassifierOptions(Epochs: 1, BatchSize: 32, Seed: 5);
        var (images, labels) = SyntheticImages.Make(120, seed: 6);
        using (images)
        {
            using var first = FeatureClassifiers.GetOrTrain("bars", images, labels, images, labels, SyntheticImages.ClassCount, options, cache);
            using var second = FeatureClassifiers.GetOrTrain("bars", images, labels, images, labels, SyntheticImages.ClassCount, options, cache);
            Assert.False(first.FromCache);
            Assert.True(second.FromCache);
            Assert.Equal(first.Key, second.Key);
            Assert.Equal(first.Record, second.Record);
            var (fa, a) = FeatureClassifierTrainer.Embed(first.Classifier, images);
            var (fb, b) = FeatureClassifierTrainer.Embed(second.Classifier, images);
            using (fa) using (a) using (fb) using (b)
                Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
        }
    }

    [Fact]
    public void The_key_changes_with_the_pixels_the_labels_the_architecture_and_the_options()
    {
        var options = new FeatureClassifierOptions();
        using var images = zeros(4, 1, 28, 28);
        using var changed = images.clone();
        changed[0, 0, 0, 0] = tensor(0.5f);
        int[] labels = { 0, 1, 0, 1 };
        var key = ClassifierCache.Key(images, labels, "net", options);
        Assert.Equal(key, ClassifierCache.Key(images.clone(), labels, "net", options));
        Assert.Equal(64, key.Length);
        Assert.NotEqual(key, ClassifierCache.Key(changed, labels, "net", options));
        Assert.NotEqual(key, ClassifierCache.Key(images, new[] { 0, 1, 1, 1 }, "net", options));
        Assert.NotEqual(key, ClassifierCache.Key(images, labels, "net2", options));
        Assert.NotEqual(key, ClassifierCache.Key(images, labels, "net", options with { Epochs = 1 }));
    }

    [Fact]
    public void The_default_folder_follows_the_override_variable()
    {
        var saved = Environment.GetEnvironmentVariable(ClassifierCache.DirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(ClassifierCache.DirectoryVariable, _folder);
            Assert.Equal(Path.Combine(_folder, "classifiers"), ClassifierCache.DefaultDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ClassifierCache.DirectoryVariable, saved);
        }
    }
}
