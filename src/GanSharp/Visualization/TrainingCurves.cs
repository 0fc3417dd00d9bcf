namespace GanSharp.Visualization;

/// <summary>Numbers over training iterations, drawn by <see cref="TrainingCurvesRenderer"/>.</summary>
/// <param name="Iterations">Iterations at which the per-iteration numbers were recorded.</param>
/// <param name="DiscriminatorLoss">L_D.</param>
/// <param name="GeneratorLoss">L_G.</param>
/// <param name="Value">Minibatch estimate of V(G, D).</param>
/// <param name="MeanDReal">mean D(x) on real data.</param>
/// <param name="MeanDFake">mean D(G(z)).</param>
/// <param name="GeneratorGradNorm">‖∇L_G‖.</param>
/// <param name="MetricIterations">Iterations at which the modes were scored (empty when the target has no modes).</param>
/// <param name="ModesCapturedFraction">Captured modes / all modes at those iterations.</param>
/// <param name="HighQualityFraction">High-quality sample fraction at those iterations.</param>
public sealed record TrainingCurves(
    double[] Iterations,
    double[] DiscriminatorLoss,
    double[] GeneratorLoss,
    double[] Value,
    double[] MeanDReal,
    double[] MeanDFake,
    double[] GeneratorGradNorm,
    double[] MetricIterations,
    double[] ModesCapturedFraction,
    double[] HighQualityFraction);
