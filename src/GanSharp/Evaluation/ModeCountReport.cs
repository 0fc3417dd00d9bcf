namespace GanSharp.Evaluation;

/// <summary>A mode-counting evaluation: the model's row beside real data's, read by one mode classifier.</summary>
/// <param name="Dataset">The data, in words.</param>
/// <param name="ModeCount">Modes of the data (1,000 for Stacked MNIST).</param>
/// <param name="Protocol">How modes are read, in words.</param>
/// <param name="Classifier">The mode classifier's record, with its held-out accuracy.</param>
/// <param name="Model">The generator's row; null when only the calibration was run.</param>
/// <param name="Calibration">The row <c>real</c>: real images of the data, as many as the model's, through the same classifier.</param>
/// <param name="Checkpoint">The evaluated checkpoint, if any.</param>
public sealed record ModeCountReport(
    string Dataset,
    int ModeCount,
    string Protocol,
    ClassifierRecord Classifier,
    ModeCountRow? Model,
    IReadOnlyList<ModeCountRow> Calibration,
    string? Checkpoint)
{
    /// <summary>Which of the checkpoint's generators sampled: "ema" (the moving average of G's weights), "own" (G's), or null (no checkpoint).</summary>
    public string? Weights { get; init; }
}
