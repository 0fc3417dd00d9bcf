using GanSharp.Distributions;
using GanSharp.Objectives;

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
/// <param name="WeightClip">WGAN: clip every weight of D into [−c, c] after each of its steps (Arjovsky et al. 2017); null: no clipping.</param>
/// <param name="GradientPenalty">WGAN-GP: λ of the penalty λ·E(‖∇D(x̂)‖ − 1)² on interpolates (Gulrajani et al. 2017); null: none.</param>
/// <param name="R1">γ of the R1 penalty γ/2·E‖∇_x D(x)‖² on data (Mescheder et al. 2018); null or 0: none (0 turns off a target's default).</param>
/// <param name="Pack">PacGAN (Lin et al. 2018): D judges packs of this many samples, concatenated along features (points) or channels (images); 1: single samples.</param>
/// <param name="Ema">β of an exponential moving average of G's weights that samples in G's place (<see cref="GeneratorAverage"/>); null: none.</param>
/// <param name="JointBatch">D judges data and generated samples in one forward pass (<see cref="GanTrainer"/>), so that a batch-normalised D
/// normalises them together and sees what every generated sample of a batch shares; false: one pass each.</param>
/// <param name="FeatureMatching">λ of feature matching added to G's loss, λ·‖E f(x) − E f(G(z))‖²/d over D's last hidden layer f
/// (<see cref="Objectives.FeatureMatching"/>; Salimans et al. 2016); D must implement <see cref="Models.IHiddenFeatures"/>. null or 0: none.</param>
public sealed record TrainingOptions(
    int Iterations = 10_000,
    int BatchSize = 256,
    int DiscriminatorSteps = 1,
    GanObjective Objective = GanObjective.NonSaturating,
    NoisePrior Prior = NoisePrior.Normal,
    int LatentDim = 2,
    OptimizerOptions? DiscriminatorOptimizer = null,
    OptimizerOptions? GeneratorOptimizer = null,
    int Seed = 0,
    ReplayOptions? Replay = null,
    LearningRateSchedule Schedule = LearningRateSchedule.Constant,
    double? WeightClip = null,
    double? GradientPenalty = null,
    double? R1 = null,
    int Pack = 1,
    double? Ema = null,
    bool JointBatch = false,
    double? FeatureMatching = null)
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
        if (WeightClip is { } c && !(c > 0 && double.IsFinite(c))) problems.Add($"weight clipping c must be a positive number (got {c}).");
        if (GradientPenalty is { } lambda && !(lambda >= 0 && double.IsFinite(lambda))) problems.Add($"the gradient penalty λ must be zero or more (got {lambda}).");
        if (R1 is { } gamma && !(gamma >= 0 && double.IsFinite(gamma))) problems.Add($"the R1 penalty γ must be zero or more (got {gamma}).");
        if (FeatureMatching is { } fm && !(fm >= 0 && double.IsFinite(fm))) problems.Add($"the feature matching weight λ must be zero or more (got {fm}).");
        if (Pack < 1) problems.Add($"pack must be at least 1 sample (got {Pack}).");
        else if (BatchSize % Pack != 0) problems.Add($"the batch size {BatchSize} must be a multiple of pack {Pack}, so that D sees whole packs.");
        if (Ema is { } beta && !(beta > 0 && beta < 1)) problems.Add($"the EMA decay must be in (0, 1) (got {beta}).");
        return problems;
    }
}
