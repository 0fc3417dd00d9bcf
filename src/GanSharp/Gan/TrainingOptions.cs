using GanSharp.Distributions;

namespace GanSharp.Gan;

/// <summary>Settings of Algorithm 1 (Goodfellow et al. 2014): k discriminator steps, then one generator step, per iteration.</summary>
/// <param name="Iterations">Number of training iterations.</param>
/// <param name="BatchSize">Minibatch size m (data and noise alike).</param>
/// <param name="DiscriminatorSteps">k, discriminator steps per iteration.</param>
/// <param name="Objective">The generator's objective.</param>
/// <param name="Prior">The noise prior p_z.</param>
/// <param name="LatentDim">Dimension of z.</param>
/// <param name="DiscriminatorOptimizer">Optimiser of D.</param>
/// <param name="GeneratorOptimizer">Optimiser of G.</param>
/// <param name="Seed">Seed of every random stream (weights, data, noise).</param>
/// <param name="Replay">Replay of past generated samples to D; null (the default) trains D on fresh G(z) only.</param>
/// <param name="Schedule">How both players' learning rates change over the <paramref name="Iterations"/>.</param>
public sealed record TrainingOptions(
    int Iterations = 10_000,
    int BatchSize = 256,
    int DiscriminatorSteps = 1,
    GeneratorObjective Objective = GeneratorObjective.NonSaturating,
    NoisePrior Prior = NoisePrior.Normal,
    int LatentDim = 2,
    OptimizerOptions? DiscriminatorOptimizer = null,
    OptimizerOptions? GeneratorOptimizer = null,
    int Seed = 0,
    ReplayOptions? Replay = null,
    LearningRateSchedule Schedule = LearningRateSchedule.Constant)
{
    /// <summary>The factor on both learning rates at iteration t (0-based): 1, or 1 − t / T for the linear schedule.</summary>
    public double LearningRateFactor(int iteration) => Schedule switch
    {
        LearningRateSchedule.Constant => 1.0,
        LearningRateSchedule.Linear => 1.0 - (double)iteration / Iterations,
        _ => throw new InvalidOperationException($"Unknown learning-rate schedule {Schedule}."),
    };

    /// <summary>D's optimiser, with the default where none was given.</summary>
    public OptimizerOptions DiscriminatorOptimizerOrDefault => DiscriminatorOptimizer ?? new OptimizerOptions();

    /// <summary>G's optimiser, with the default where none was given.</summary>
    public OptimizerOptions GeneratorOptimizerOrDefault => GeneratorOptimizer ?? new OptimizerOptions();

    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Iterations < 0) problems.Add($"iterations must be zero or more (got {Iterations}).");
        if (BatchSize < 1) problems.Add($"batch size must be at least 1 (got {BatchSize}).");
        if (DiscriminatorSteps < 1) problems.Add($"k (discriminator steps per iteration) must be at least 1 (got {DiscriminatorSteps}).");
        if (LatentDim < 1) problems.Add($"latent dimension must be at least 1 (got {LatentDim}).");
        if (Seed < 0) problems.Add($"seed must be zero or more (got {Seed}).");
        problems.AddRange(DiscriminatorOptimizerOrDefault.Validate("discriminator optimiser"));
        problems.AddRange(GeneratorOptimizerOrDefault.Validate("generator optimiser"));
        if (Replay is not null) problems.AddRange(Replay.Validate());
        return problems;
    }
}
