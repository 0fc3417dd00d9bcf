namespace GanSharp.Gan;

/// <summary>A loss or gradient became NaN or infinite.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="stats"/>.</summary>
    public TrainingDivergedException(IterationStats stats)
        : base($"Training diverged at iteration {stats.Iteration}: D loss = {stats.DiscriminatorLoss}, G loss = {stats.GeneratorLoss}, " +
               $"|grad G| = {stats.GeneratorGradNorm}. Try a smaller learning rate.")
    {
        Stats = stats;
    }

    /// <summary>The numbers of the iteration that diverged.</summary>
    public IterationStats Stats { get; }
}
