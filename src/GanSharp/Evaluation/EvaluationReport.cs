namespace GanSharp.Evaluation;

/// <summary>An evaluation: the model's row, the calibration rows that give each number its scale, and the feature space used.</summary>
/// <param name="Dataset">The real data, in words.</param>
/// <param name="FeatureSpace">Which network's features the metrics use, in words (never Inception-v3).</param>
/// <param name="Classifier">The feature classifier's record (training data, test accuracy).</param>
/// <param name="Model">The generator's row; null when only the calibration was run.</param>
/// <param name="Calibration">Rows <c>real</c> (held-out real vs the reference: the floor), <c>noise</c> and <c>repeated</c> (ceilings).</param>
/// <param name="Checkpoint">Where the generated samples came from (a checkpoint or a sample folder), if any.</param>
public sealed record EvaluationReport(
    string Dataset,
    string FeatureSpace,
    ClassifierRecord Classifier,
    EvaluationRow? Model,
    IReadOnlyList<EvaluationRow> Calibration,
    string? Checkpoint)
{
    /// <summary>Which of the checkpoint's generators sampled: "ema" (the moving average of G's weights), "own" (G's), or null (no checkpoint).</summary>
    public string? Weights { get; init; }
}
