using GanSharp.Data;
using GanSharp.Metrics;
using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// Mode counting on the cartoon faces (<see cref="CartoonFaces"/>): an <see cref="AttributeClassifier"/> trained on rendered faces
/// (the renderer gives their labels) reads hair, eyes, skin, mouth and background off each generated face; the five values name one of
/// the 540 combinations, the modes. Reported: modes captured, KL(combination histogram ‖ uniform over 540), and per attribute
/// KL(value histogram ‖ uniform over its values), beside the row <c>real</c> (freshly rendered faces through the same classifier).
/// </summary>
public static class CartoonFaceEvaluation
{
    /// <summary>The attributes, in the order of <see cref="CartoonFaceAttributes"/>.</summary>
    public static readonly IReadOnlyList<string> AttributeNames = new[] { "hair", "eyes", "skin", "mouth", "background" };

    /// <summary>The names of each attribute's values, in the order of <see cref="AttributeNames"/> (hair "black" … "red", …).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ValueNames => new[]
    {
        CartoonFaces.HairColours.Select(h => h.Name).ToArray(), CartoonFaces.EyeColours.Select(e => e.Name).ToArray(),
        CartoonFaces.SkinTones.Select(s => s.Name).ToArray(), CartoonFaces.MouthNames.ToArray(), CartoonFaces.Backgrounds.Select(b => b.Name).ToArray(),
    };

    /// <summary>Values per attribute: 5, 4, 3, 3, 3.</summary>
    public static IReadOnlyList<int> ValueCounts =>
        new[] { CartoonFaces.HairColours.Count, CartoonFaces.EyeColours.Count, CartoonFaces.SkinTones.Count, CartoonFaces.MouthNames.Count, CartoonFaces.Backgrounds.Count };

    /// <summary>Render seeds of the classifier's training and held-out faces (not the runs' data seed, so the classifier never saw a run's faces).</summary>
    public const long TrainSeed = 101, HeldOutSeed = 102;

    /// <summary>How the modes are read, in words (for reports).</summary>
    public const string Protocol =
        "hair, eyes, skin, mouth and background by GanSharp's attribute classifier (one head each); mode = their combination (540); " +
        "KL(histogram ‖ uniform) in nats, per combination and per attribute";

    /// <summary>Each row's attributes [n, 5] from combination labels.</summary>
    public static int[,] Attributes(IReadOnlyList<int> combinations)
    {
        var labels = new int[combinations.Count, 5];
        for (int i = 0; i < combinations.Count; i++)
        {
            var a = CartoonFaceAttributes.FromCombination(combinations[i]);
            (labels[i, 0], labels[i, 1], labels[i, 2], labels[i, 3], labels[i, 4]) = (a.Hair, a.Eyes, a.Skin, a.Mouth, a.Background);
        }
        return labels;
    }

    /// <summary>
    /// Renders <paramref name="trainCount"/> faces to train the classifier on and <paramref name="testCount"/> held-out ones to measure it;
    /// returns it with its record (accuracy = every attribute of a face right).
    /// </summary>
    public static (AttributeClassifier Classifier, ClassifierRecord Record) TrainClassifier(int trainCount, int testCount, FeatureClassifierOptions options,
        Action<int, double>? epochCompleted = null)
    {
        using var train = CartoonFaces.Generate(trainCount, TrainSeed);
        return TrainOn(train, testCount, options, epochCompleted);
    }

    /// <summary>
    /// As <see cref="TrainClassifier"/>, but the classifier is kept in <paramref name="cache"/> under a key made of the rendered training
    /// faces and labels, the architecture, the held-out count and the recipe: a later call with the same faces and recipe loads it.
    /// </summary>
    public static (AttributeClassifier Classifier, ClassifierRecord Record, bool FromCache) GetOrTrainClassifier(int trainCount, int testCount,
        FeatureClassifierOptions options, ClassifierCache cache, Action<int, double>? epochCompleted = null)
    {
        using var train = CartoonFaces.Generate(trainCount, TrainSeed);
        var key = ClassifierCache.Key(train.Images, train.Labels!, $"{AttributeClassifier.ArchitectureOf(ValueCounts)}; held out {testCount}, seed {HeldOutSeed}", options);
        if (cache.TryLoad(key, _ => new AttributeClassifier(ValueCounts)) is { } hit) return (hit.Classifier, hit.Record, true);
        var (classifier, record) = TrainOn(train, testCount, options, epochCompleted);
        cache.Save(key, classifier, record);
        return (classifier, record, false);
    }

    private static (AttributeClassifier Classifier, ClassifierRecord Record) TrainOn(ImageDataset train, int testCount, FeatureClassifierOptions options,
        Action<int, double>? epochCompleted)
    {
        var classifier = AttributeClassifierTrainer.Train(train.Images, Attributes(train.Labels!), ValueCounts, options, epochCompleted);
        using var test = CartoonFaces.Generate(testCount, HeldOutSeed);
        var (combination, perAttribute) = AttributeClassifierTrainer.Accuracy(classifier, test.Images, Attributes(test.Labels!));
        string perAttributeText = string.Join(", ", AttributeNames.Zip(perAttribute, (name, accuracy) => FormattableString.Invariant($"{name} {accuracy:P1}")));
        var record = new ClassifierRecord($"cartoon faces (rendered, seed {TrainSeed}; per attribute: {perAttributeText})", classifier.Architecture,
            CartoonFaces.CombinationCount, (int)train.Images.shape[0], testCount, combination, options.Describe(), DateTime.UtcNow);
        return (classifier, record);
    }

    /// <summary>The row of <paramref name="images"/> [n, 3, 64, 64]: combinations captured, their KL, each attribute's KL, and sharpness.</summary>
    public static ModeCountRow Score(string name, AttributeClassifier classifier, Tensor images, double realEnergy)
    {
        var predicted = AttributeClassifierTrainer.Predict(classifier, images);
        int n = predicted.GetLength(0);
        var combinations = Enumerable.Range(0, n)
            .Select(i => new CartoonFaceAttributes(predicted[i, 0], predicted[i, 1], predicted[i, 2], predicted[i, 3], predicted[i, 4]).Combination).ToArray();
        var histogram = ModeHistogram.Of(combinations, CartoonFaces.CombinationCount);
        var attributeKl = new Dictionary<string, double>();
        var attributeShares = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        for (int a = 0; a < AttributeNames.Count; a++)
        {
            int attribute = a;
            var shares = ModeHistogram.Of(Enumerable.Range(0, n).Select(i => predicted[i, attribute]).ToArray(), ValueCounts[a]);
            attributeKl[AttributeNames[a]] = ModeHistogram.KlToUniform(shares);
            attributeShares[AttributeNames[a]] = ModeCountRow.Named(shares, ValueNames[a]);
        }
        return new ModeCountRow(name, n, ModeHistogram.Captured(histogram), ModeHistogram.KlToUniform(histogram), Sharpness.Relative(images, realEnergy))
        {
            AttributeKl = attributeKl,
            AttributeShares = attributeShares,
        };
    }

    /// <summary>
    /// Scores <paramref name="generate"/>'s <paramref name="n"/> faces and the row <c>real</c> (<paramref name="n"/> faces rendered with a
    /// seed from <paramref name="seed"/>); sharpness is relative to the classifier's held-out faces.
    /// </summary>
    public static ModeCountReport Run(AttributeClassifier classifier, ClassifierRecord record, Func<long, Tensor>? generate, int n, int seed,
        string? checkpoint = null, Action<string>? progress = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Classify at least one sample.");
        double realEnergy;
        using (var reference = CartoonFaces.Generate(Math.Min(n, 2_000), HeldOutSeed))
            realEnergy = Sharpness.LaplacianEnergy(reference.Images);
        ModeCountRow? model = null;
        if (generate is not null)
        {
            progress?.Invoke($"sampling and classifying {n} generated faces");
            using var generated = GeneratorSamples.Draw(generate, n);
            model = Score("model", classifier, generated, realEnergy);
        }
        progress?.Invoke($"rendering and classifying {n} real faces");
        using var real = CartoonFaces.Generate(n, RandomStreams.Seed(seed, RandomStreams.Evaluation));
        var calibration = new[] { Score("real", classifier, real.Images, realEnergy) };
        return new ModeCountReport("cartoon faces", CartoonFaces.CombinationCount, Protocol, record, model, calibration, checkpoint);
    }
}
