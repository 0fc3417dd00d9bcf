namespace GanSharp.Evaluation;

/// <summary>What <see cref="PointEvaluation.Run"/> measured: the model's row, the calibration rows and how P_G was estimated.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Source">Where the generated points came from (a run folder or a point file); null when not given.</param>
/// <param name="Model">The generated points' row.</param>
/// <param name="Calibration"><c>real</c> (a fresh sample of P_data of the same size: the floor) and <c>collapsed</c> (every point at one mode, or at the data mean: the ceiling).</param>
/// <param name="DivergenceDraws">Monte Carlo draws behind each KL and JSD estimate; null when the target has no density.</param>
/// <param name="Notes">Sentences on how to read the numbers (the KDE, what did not apply).</param>
public sealed record PointEvaluationReport(
    string Target,
    string? Source,
    PointEvaluationRow Model,
    IReadOnlyList<PointEvaluationRow> Calibration,
    int? DivergenceDraws,
    IReadOnlyList<string> Notes);
