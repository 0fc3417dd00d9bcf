namespace GanSharp.Runs;

/// <summary>
/// Something done to a run between its iterations, outside Algorithm 1's rhythm (from <c>gansharp lab</c>): a setting changed, or one update
/// of D or of G alone. Recorded in <c>metrics.json</c> so that the numbers of the history can be read with what was done to the run.
/// </summary>
/// <param name="Iteration">Iterations completed when it happened.</param>
/// <param name="What">The setting's key (e.g. <c>objective</c>), or <see cref="DiscriminatorStep"/> or <see cref="GeneratorStep"/>.</param>
/// <param name="From">A setting's value before, as JSON; null for a step.</param>
/// <param name="To">A setting's value after, as JSON; null for a step.</param>
public sealed record HistoryChange(int Iteration, string What, string? From = null, string? To = null)
{
    /// <summary><see cref="What"/> of one update of D alone.</summary>
    public const string DiscriminatorStep = "discriminator_step";

    /// <summary><see cref="What"/> of one update of G alone.</summary>
    public const string GeneratorStep = "generator_step";
}
