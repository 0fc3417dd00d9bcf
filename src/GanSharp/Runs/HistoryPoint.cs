using GanSharp.Gan;

namespace GanSharp.Runs;

/// <summary>One entry of a run's history in <c>metrics.json</c>: an iteration's numbers, and the mode metrics where they were scored then.</summary>
/// <param name="Iteration">1-based iteration.</param>
/// <param name="DLoss">L_D on the iteration's last discriminator step.</param>
/// <param name="GLoss">L_G of the generator step.</param>
/// <param name="Value">Minibatch estimate V̂(G, D).</param>
/// <param name="MeanDReal">mean D(x) on real data.</param>
/// <param name="MeanDFake">mean D(G(z)).</param>
/// <param name="GGradNorm">‖∇_θ L_G‖₂.</param>
/// <param name="ModesCaptured">Modes captured, where scored at this iteration.</param>
/// <param name="HighQualityFraction">High-quality sample fraction, where scored.</param>
/// <param name="ReverseKl">Reverse KL of the mode histogram, where scored.</param>
public sealed record HistoryPoint(
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
    public static HistoryPoint From(IterationStats stats) => new(
        stats.Iteration, stats.DiscriminatorLoss, stats.GeneratorLoss, stats.Value, stats.MeanDReal, stats.MeanDFake, stats.GeneratorGradNorm);
}
