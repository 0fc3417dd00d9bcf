using GanSharp.Metrics;

namespace GanSharp.Evaluation;

/// <summary>How many samples an evaluation compares and with which neighbour ranks.</summary>
/// <param name="SampleCount">N: generated samples, and real samples drawn as the reference (default 10,000).</param>
/// <param name="Seed">Seed of the reference draw, the calibration noise and the generator's noise.</param>
/// <param name="PrecisionRecallK">k of precision and recall (Kynkäänniemi et al. use 3).</param>
/// <param name="DensityCoverageK">k of density and coverage (Naeem et al. use 5).</param>
public sealed record EvaluationOptions(
    int SampleCount = 10_000,
    int Seed = 0,
    int PrecisionRecallK = PrecisionRecall.DefaultK,
    int DensityCoverageK = DensityCoverage.DefaultK)
{
    /// <summary>Readable problems with these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        int largestK = Math.Max(PrecisionRecallK, DensityCoverageK);
        if (SampleCount <= largestK) problems.Add($"the sample count must exceed the largest k ({largestK}) (got {SampleCount}).");
        if (Seed < 0) problems.Add($"seed must be zero or more (got {Seed}).");
        if (PrecisionRecallK < 1) problems.Add($"k of precision/recall must be at least 1 (got {PrecisionRecallK}).");
        if (DensityCoverageK < 1) problems.Add($"k of density/coverage must be at least 1 (got {DensityCoverageK}).");
        return problems;
    }
}
