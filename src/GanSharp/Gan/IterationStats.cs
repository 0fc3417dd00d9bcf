namespace GanSharp.Gan;

/// <summary>Numbers of one training iteration (from its last discriminator step and its generator step).</summary>
/// <param name="Iteration">1-based iteration number.</param>
/// <param name="DiscriminatorLoss">L_D = −V̂ on the last discriminator step's minibatch.</param>
/// <param name="GeneratorLoss">L_G of the generator step.</param>
/// <param name="Value">Minibatch estimate V̂(G, D) = mean log D(x) + mean log(1 − D(G(z))), before D's last update.</param>
/// <param name="MeanDReal">mean D(x) on real data.</param>
/// <param name="MeanDFake">mean D(G(z)) on generated data.</param>
/// <param name="GeneratorGradNorm">‖∇_θ L_G‖₂ over all generator parameters.</param>
public sealed record IterationStats(
    int Iteration,
    double DiscriminatorLoss,
    double GeneratorLoss,
    double Value,
    double MeanDReal,
    double MeanDFake,
    double GeneratorGradNorm);
