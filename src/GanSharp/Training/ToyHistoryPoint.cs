namespace GanSharp.Training;

/// <summary>One entry of a run's history in <c>metrics.json</c>: an iteration's numbers, and the mode metrics where they were scored then.</summary>
public sealed record ToyHistoryPoint(
    int Iteration,
    double DLoss,
    double GLoss,
    double Value,
    double MeanDReal,
    double MeanDFake,
    double GGradNorm,
    int? ModesCaptured = null,
    double? HighQualityFraction = null,
    double? ReverseKl = null)
{
    /// <summary>The entry of <paramref name="stats"/>.</summary>
    public static ToyHistoryPoint From(IterationStats stats) => new(
        stats.Iteration, stats.DiscriminatorLoss, stats.GeneratorLoss, stats.Value, stats.MeanDReal, stats.MeanDFake, stats.GeneratorGradNorm);
}
