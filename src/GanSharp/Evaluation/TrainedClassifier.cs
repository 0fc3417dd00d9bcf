using GanSharp.Models;

namespace GanSharp.Evaluation;

/// <summary>A feature classifier ready for evaluation, with where it came from.</summary>
/// <param name="Classifier">The network, in inference mode.</param>
/// <param name="Record">Its data, architecture and measured test accuracy.</param>
/// <param name="Key">Its cache key.</param>
/// <param name="FromCache">Whether it was loaded rather than trained now.</param>
public sealed record TrainedClassifier(FeatureClassifier Classifier, ClassifierRecord Record, string Key, bool FromCache) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Classifier.Dispose();
}
