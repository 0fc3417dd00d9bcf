using GanSharp.Evaluation;

namespace GanSharp.Runs;

/// <summary>What a run may need besides its settings: where FD during training (<see cref="RunOptions.EvalEvery"/>) finds its feature classifier, and how many samples it compares.</summary>
/// <param name="Cache">The classifier cache that <c>gansharp eval train-classifier</c> filled.</param>
/// <param name="Classifier">The recipe the classifier was trained with (part of its cache key).</param>
/// <param name="FdSampleCount">Generated and real images per FD measurement (fewer when the data has fewer).</param>
public sealed record RunEnvironment(ClassifierCache Cache, FeatureClassifierOptions Classifier, int FdSampleCount = FdMonitor.DefaultSampleCount)
{
    /// <summary>The default cache and recipe, as <c>gansharp eval</c> uses them.</summary>
    public static RunEnvironment Default() => new(new ClassifierCache(ClassifierCache.DefaultDirectory()), new FeatureClassifierOptions());
}
