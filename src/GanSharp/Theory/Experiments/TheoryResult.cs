namespace GanSharp.Theory.Experiments;

/// <summary>What one theory experiment measured, and whether the claim held.</summary>
/// <param name="Id">Short identifier, e.g. <c>jsd-bound</c>.</param>
/// <param name="Number">Number of the claim (1–12).</param>
/// <param name="Title">Heading for the report.</param>
/// <param name="Claim">The claim in one sentence.</param>
/// <param name="WhatWasRun">The experiment in a few sentences.</param>
/// <param name="Tables">Tables of measured numbers.</param>
/// <param name="Checks">The numbers compared with the theory.</param>
/// <param name="Verdict">What the numbers say, in words.</param>
/// <param name="Figures">Figure files, relative to the output folder.</param>
/// <param name="SkippedBecause">Why the experiment did not run (null when it ran).</param>
/// <param name="Seconds">Wall-clock time.</param>
public sealed record TheoryResult(
    string Id,
    int Number,
    string Title,
    string Claim,
    string WhatWasRun,
    IReadOnlyList<TheoryTable> Tables,
    IReadOnlyList<TheoryCheck> Checks,
    string Verdict,
    IReadOnlyList<string> Figures,
    string? SkippedBecause = null,
    double Seconds = 0)
{
    /// <summary>True when every check holds, false when one fails, null when skipped or nothing was checked.</summary>
    public bool? Holds => SkippedBecause is not null || Checks.Count == 0 ? null : Checks.All(c => c.Holds);
}
