using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Tests.Evaluation;

/// <summary>One attribute classifier trained on rendered faces, shared by the tests.</summary>
public sealed class FaceClassifierFixture : IDisposable
{
    public FaceClassifierFixture() =>
        (Classifier, Record) = CartoonFaceEvaluation.TrainClassifier(trainCount: 900, testCount: 200, new FeatureClassifierOptions(Epochs: 3, BatchSize: 32, Seed: 1));

    public AttributeClassifier Classifier { get; }

    public ClassifierRecord Record { get; }

    public void Dispose() => Classifier.Dispose();
}

public sealed class CartoonFaceEvaluationTests(FaceClassifierFixture fixture) : IClassFixture<FaceClassifierFixture>
{
    /// <summary>n faces, face i with the attributes attributesOf(i) under fresh jitter.</summary>
    private static Tensor Faces(int n, Func<int, CartoonFaceAttributes> attributesOf)
    {
        var random = new Random(9);
        var pixels = Enumerable.Range(0, n).SelectMany(i => CartoonFaces.Render(attributesOf(i), random)).ToArray();
        return ImageDataset.FromBytes(pixels, n, 3, CartoonFaces.Side, CartoonFaces.Side);
    }

    [Fact]
    public void The_classifier_reads_every_attribute_of_held_out_faces()
    {
        Assert.True(fixture.Record.TestAccuracy > 0.95, fixture.Record.Dataset + $" combination accuracy {fixture.Record.TestAccuracy}");
        Assert.Equal(540, fixture.Record.ClassCount);
    }

    [Fact]
    public void The_classifier_reads_held_out_faces_under_pixel_noise_as_it_reads_them_clean()
    {
        // A generator's faces carry pixel noise; a reader that keyed on exact palette values would misread them.
        using var test = CartoonFaces.Generate(200, CartoonFaceEvaluation.HeldOutSeed);
        var labels = CartoonFaceEvaluation.Attributes(test.Labels!);
        using var scope = NewDisposeScope();
        var noisy = (test.Images + 0.2 * randn(test.Images.shape, generator: new TorchSharp.torch.Generator(5))).clamp(-1, 1);
        var (clean, _) = AttributeClassifierTrainer.Accuracy(fixture.Classifier, test.Images, labels);
        var (withNoise, perAttribute) = AttributeClassifierTrainer.Accuracy(fixture.Classifier, noisy, labels);
        Assert.True(withNoise >= clean - 0.05, $"clean {clean}, with noise σ = 0.2 {withNoise} (per attribute {string.Join(", ", perAttribute)})");
    }

    [Fact]
    public void Faces_that_vary_only_their_hair_capture_about_five_combinations_with_kl_near_log_108_and_hair_kl_zero()
    {
        // 5 hair colours equally often, the rest fixed: 5 of 540 combinations at 1/5 each, KL = log(540 / 5); hair uniform (KL 0),
        // every other attribute on one value (KL log K). The classifier misreads a mouth now and then (98–99 % held out): a few faces may
        // land in a neighbouring combination, which moves the KL by little.
        using var faces = Faces(100, i => new CartoonFaceAttributes(i % 5, 2, 1, 1, 2));
        var row = CartoonFaceEvaluation.Score("model", fixture.Classifier, faces, realEnergy: 1);
        Assert.InRange(row.ModesCaptured, 5, 7);
        Assert.InRange(row.ModeKl, Math.Log(108) - 0.1, Math.Log(108) + 1e-9);
        Assert.Equal(0, row.AttributeKl["hair"], 9);
        Assert.Equal(Math.Log(4), row.AttributeKl["eyes"], 9);
        Assert.Equal(Math.Log(3), row.AttributeKl["background"], 9);
        Assert.InRange(row.AttributeKl["mouth"], Math.Log(3) - 0.1, Math.Log(3) + 1e-9);
        Assert.All(CartoonFaces.HairColours, h => Assert.Equal(0.2, row.AttributeShares["hair"][h.Name], 9));
        Assert.Equal(1, row.AttributeShares["background"][CartoonFaces.Backgrounds[2].Name], 9);
    }

    [Fact]
    public void Real_faces_capture_what_n_allows_and_copies_of_one_face_little_more_than_one()
    {
        using var one = Faces(1000, _ => new CartoonFaceAttributes(1, 1, 1, 1, 1));
        var report = CartoonFaceEvaluation.Run(fixture.Classifier, fixture.Record, GeneratorSamples.FromImages(one, 1000), n: 1000, seed: 3);
        Assert.InRange(report.Model!.ModesCaptured, 1, 5);
        Assert.InRange(report.Model.ModeKl, Math.Log(540) - 0.3, Math.Log(540) + 1e-9);   // log 540 − H(p̂): a 2 % share misread costs about 0.1
        // 1,000 uniform draws of 540 combinations leave 540 · (1 − 1/540)^1000 = 85 empty on average (standard deviation about 8).
        var real = Assert.Single(report.Calibration);
        Assert.InRange(real.ModesCaptured, 425, 485);
        Assert.All(real.AttributeKl.Values, kl => Assert.InRange(kl, 0, 0.02));
    }

    [Fact]
    public void The_attribute_classifier_is_trained_once_then_loaded_from_the_cache_with_the_same_weights_and_record()
    {
        using var dir = new TempDirectory();
        var cache = new ClassifierCache(dir.Path);
        var options = new FeatureClassifierOptions(Epochs: 1, BatchSize: 32, Seed: 2);
        var (trained, record, fromCache) = CartoonFaceEvaluation.GetOrTrainClassifier(200, 50, options, cache);
        using (trained)
        {
            Assert.False(fromCache);
            var (loaded, cachedRecord, hit) = CartoonFaceEvaluation.GetOrTrainClassifier(200, 50, options, cache);
            using (loaded)
            {
                Assert.True(hit);
                Assert.Equal(record.TestAccuracy, cachedRecord.TestAccuracy);
                using var faces = Faces(20, i => CartoonFaceAttributes.FromCombination(i * 27));
                Assert.Equal(AttributeClassifierTrainer.Predict(trained, faces), AttributeClassifierTrainer.Predict(loaded, faces));
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                Assert.True(trained.forward(faces).allclose(loaded.forward(faces)));
            }
            // Another recipe is another classifier.
            var (other, _, otherHit) = CartoonFaceEvaluation.GetOrTrainClassifier(200, 50, options with { Seed = 3 }, cache);
            other.Dispose();
            Assert.False(otherHit);
        }
    }
}
