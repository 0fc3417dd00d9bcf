using static System.FormattableString;

namespace GanSharp.Evaluation;

/// <summary>How the feature classifier is trained: Adam on cross-entropy, minibatches reshuffled every epoch.</summary>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="Seed">Seed of the weights, of the shuffling and of the shifts.</param>
/// <param name="Shift">
/// s: every training image, each time it is drawn, is moved by whole pixels (dx, dy), each uniform in −s … s (<see cref="RandomShift"/>);
/// 0 trains on the images as they are.
/// </param>
public sealed record FeatureClassifierOptions(int Epochs = 3, int BatchSize = 128, double LearningRate = 1e-3, int Seed = 0, int Shift = 0)
{
    /// <summary>The largest <see cref="Shift"/> accepted: a quarter of a 28-pixel side.</summary>
    public const int MaxShift = 7;

    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Epochs < 1) problems.Add($"epochs must be at least 1 (got {Epochs}).");
        if (BatchSize < 1) problems.Add($"batch size must be at least 1 (got {BatchSize}).");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            problems.Add(Invariant($"learning rate must be positive and finite (got {LearningRate})."));
        if (Seed < 0) problems.Add($"seed must be zero or more (got {Seed}).");
        if (Shift < 0 || Shift > MaxShift) problems.Add($"shift must be 0 … {MaxShift} pixels (got {Shift}).");
        return problems;
    }

    /// <summary>
    /// The settings that change the trained weights, as text for the cache key (the same in every culture); the shift is named only
    /// when there is one, so classifiers cached before it existed keep their keys.
    /// </summary>
    public string Describe() => Invariant($"epochs={Epochs};batch={BatchSize};lr={LearningRate:R};seed={Seed}") + (Shift > 0 ? Invariant($";shift={Shift}") : "");
}
