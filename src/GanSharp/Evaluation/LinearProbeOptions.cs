using System.Globalization;
using static System.FormattableString;

namespace GanSharp.Evaluation;

/// <summary>How a linear probe is fitted: full-batch Adam on the L2-penalised cross-entropy of standardised features, λ picked on a validation split.</summary>
/// <param name="Steps">Full-batch Adam steps per fit.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="L2Candidates">Values of λ in the penalty (λ/2)·‖W‖² (the bias is not penalised); with more than one, each is fitted on the
/// first 1 − <paramref name="ValidationFraction"/> of the fitting set, the one with the best accuracy on the rest wins (ties: the larger λ),
/// and the probe is refitted on the whole set with it. Null: 10⁻⁴, 10⁻³, 10⁻², 10⁻¹.</param>
/// <param name="ValidationFraction">Share of the fitting set held out to pick λ.</param>
/// <param name="Seed">Seed of the initial weights.</param>
public sealed record LinearProbeOptions(int Steps = 300, double LearningRate = 0.01, IReadOnlyList<double>? L2Candidates = null, double ValidationFraction = 0.2, int Seed = 0)
{
    /// <summary>The λ values tried.</summary>
    public IReadOnlyList<double> L2Values => L2Candidates ?? new[] { 1e-4, 1e-3, 1e-2, 1e-1 };

    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Steps < 1) problems.Add($"steps must be at least 1 (got {Steps}).");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            problems.Add(Invariant($"learning rate must be positive and finite (got {LearningRate})."));
        if (L2Values.Count == 0) problems.Add("at least one L2 value is needed.");
        if (L2Values.Any(l => !(l >= 0) || double.IsInfinity(l)))
        {
            var values = string.Join(", ", L2Values.Select(l => l.ToString(CultureInfo.InvariantCulture)));
            problems.Add($"every L2 value must be zero or positive and finite (got {values}).");
        }
        if (L2Values.Count > 1 && !(ValidationFraction > 0 && ValidationFraction < 1))
            problems.Add(Invariant($"the validation fraction must be between 0 and 1 (got {ValidationFraction})."));
        if (Seed < 0) problems.Add($"seed must be zero or more (got {Seed}).");
        return problems;
    }
}
