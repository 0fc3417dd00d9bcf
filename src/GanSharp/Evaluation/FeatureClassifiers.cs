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
}
