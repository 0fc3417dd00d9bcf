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
        string architecture;
        using (var probe = new FeatureClassifier(classCount)) architecture = probe.Architecture;
        var key = ClassifierCache.Key(trainImages, trainLabels, architecture, options);
        var cached = cache.TryLoad(key);
        if (cached is { } hit) return new TrainedClassifier(hit.Classifier, hit.Record, key, FromCache: true);

        var classifier = FeatureClassifierTrainer.Train(trainImages, trainLabels, classCount, options, epochCompleted);
        double accuracy = FeatureClassifierTrainer.Accuracy(classifier, testImages, testLabels);
        var record = new ClassifierRecord(dataset, architecture, classCount, trainLabels.Count, testLabels.Count, accuracy,
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

    /// <summary>Why no classifier can be trained on unlabelled images, and what evaluation does instead.</summary>
    public static string UnlabelledMessage(string dataName) =>
        $"{dataName} has no class labels, so GanSharp cannot train a feature classifier on it. " +
        "Only the label-free metrics apply (FD, precision, recall, density, coverage), computed on the features of a classifier " +
        "trained on another 28×28 grayscale set (--features fashion-mnist or mnist); classifier score, classes covered and class KL do not apply.";
}
