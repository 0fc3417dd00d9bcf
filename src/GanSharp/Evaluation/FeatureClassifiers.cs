using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>Finds the feature classifier of a labelled dataset in the cache, or trains, measures and caches it.</summary>
public static class FeatureClassifiers
{
    /// <summary>
    /// Returns the cached classifier for (training data, architecture, options) when there is one; otherwise trains it on
    /// <paramref name="trainImages"/>, measures its accuracy on <paramref name="testImages"/> and saves both to <paramref name="cache"/>.
    /// </summary>
    /// <param name="dataset">The data in words, for the record.</param>
    /// <param name="trainImages">[N, 1, 28, 28] in [−1, 1].</param>
    /// <param name="trainLabels">Class of each training image.</param>
    /// <param name="testImages">Held-out images for the accuracy.</param>
    /// <param name="testLabels">Their classes.</param>
    /// <param name="classCount">Number of classes C.</param>
    /// <param name="options">Training settings.</param>
    /// <param name="cache">Where classifiers are kept.</param>
    /// <param name="epochCompleted">Called after each training epoch with (epoch, mean loss); not called on a cache hit.</param>
    public static TrainedClassifier GetOrTrain(string dataset, Tensor trainImages, IReadOnlyList<int> trainLabels,
        Tensor testImages, IReadOnlyList<int> testLabels, int classCount, FeatureClassifierOptions options, ClassifierCache cache,
        Action<int, double>? epochCompleted = null)
    {
        var key = ClassifierCache.Key(trainImages, trainLabels, Architecture(classCount), options);
        var cached = cache.TryLoad(key);
        if (cached is { } hit) return new TrainedClassifier(hit.Classifier, hit.Record, key, FromCache: true);

        var classifier = FeatureClassifierTrainer.Train(trainImages, trainLabels, classCount, options, epochCompleted);
        double accuracy = FeatureClassifierTrainer.Accuracy(classifier, testImages, testLabels);
        var record = new ClassifierRecord(dataset, classifier.Architecture, classCount, trainLabels.Count, testLabels.Count, accuracy,
            options.Describe(), DateTime.UtcNow);
        cache.Save(key, classifier, record);
        return new TrainedClassifier(classifier, record, key, FromCache: false);
    }

    /// <summary>The classifier of a labelled <paramref name="data"/>, from the cache or trained now.</summary>
    /// <exception cref="ArgumentException">The data has no labels; the message says which metrics still apply.</exception>
    public static TrainedClassifier GetOrTrain(EvaluationData data, FeatureClassifierOptions options, ClassifierCache cache,
        Action<int, double>? epochCompleted = null)
    {
        if (!data.HasLabels) throw new ArgumentException(UnlabelledMessage(data.Name), nameof(data));
        return GetOrTrain($"{data.Name} (train)", data.Train.Images, data.Train.Labels!, data.Test.Images, data.Test.Labels!,
            data.ClassCount, options, cache, epochCompleted);
    }

    /// <summary>
    /// The cached classifier of the labelled set <paramref name="data"/> (<c>fashion-mnist</c> or <c>mnist</c>) for the recipe
    /// <paramref name="options"/>; never trains one (training a run must not stall for minutes on it).
    /// </summary>
    /// <exception cref="FileNotFoundException">None in the cache; the message gives the command that trains it.</exception>
    public static TrainedClassifier Cached(string data, string? dataDir, FeatureClassifierOptions options, ClassifierCache cache)
    {
        using var evalData = EvaluationData.Open(data, dataDir, options.Seed);
        if (!evalData.HasLabels) throw new ArgumentException(UnlabelledMessage(evalData.Name), nameof(data));
        var key = ClassifierCache.Key(evalData.Train.Images, evalData.Train.Labels!, Architecture(evalData.ClassCount), options);
        if (cache.TryLoad(key) is { } hit) return new TrainedClassifier(hit.Classifier, hit.Record, key, FromCache: true);
        var defaults = new FeatureClassifierOptions();
        var command = $"gansharp eval train-classifier --data {data}" +
            (dataDir is null ? "" : $" --data-dir {dataDir}") +
            (options.Epochs == defaults.Epochs ? "" : $" --classifier-epochs {options.Epochs}") +
            (options.Seed == defaults.Seed ? "" : $" --seed {options.Seed}") +
            (cache.Directory == Path.GetFullPath(ClassifierCache.DefaultDirectory()) ? "" : $" --cache-dir {cache.Directory}");
        throw new FileNotFoundException(
            $"FD during training needs the feature classifier of {evalData.Name}, and {cache.Directory} holds none for it. Train it first with: {command}",
            cache.WeightsPath(key));
    }

    private static string Architecture(int classCount)
    {
        using var probe = new FeatureClassifier(classCount);
        return probe.Architecture;
    }

    /// <summary>Why no classifier can be trained on unlabelled images, and what evaluation does instead.</summary>
    public static string UnlabelledMessage(string dataName) =>
        $"{dataName} has no class labels, so GanSharp cannot train a feature classifier on it. " +
        "Only the label-free metrics apply (FD, precision, recall, density, coverage), computed on the features of a classifier " +
        "trained on another 28×28 grayscale set (--features fashion-mnist or mnist); classifier score, classes covered and class KL do not apply.";
}
