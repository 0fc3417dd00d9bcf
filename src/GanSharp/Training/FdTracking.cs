using GanSharp.Evaluation;

namespace GanSharp.Training;

/// <summary>Where FD during an image run (<see cref="ImageRunOptions.EvalEvery"/>) finds its feature classifier, and how many samples it compares.</summary>
/// <param name="Cache">The classifier cache that <c>gansharp eval train-classifier</c> filled.</param>
/// <param name="Classifier">The recipe the classifier was trained with (part of its cache key).</param>
/// <param name="SampleCount">Generated and real images per measurement (fewer when the data has fewer).</param>
public sealed record FdTracking(ClassifierCache Cache, FeatureClassifierOptions Classifier, int SampleCount = FdMonitor.DefaultSampleCount)
{
    /// <summary>The default cache and recipe, as <c>gansharp eval</c> uses them.</summary>
    public static FdTracking Default() => new(new ClassifierCache(ClassifierCache.DefaultDirectory()), new FeatureClassifierOptions());
}
