using GanSharp.Metrics;

namespace GanSharp.Training;

/// <summary>A scoring of the generator during a toy run.</summary>
/// <param name="Iteration">Iterations completed when scored.</param>
/// <param name="Modes">Mode metrics on 2,500 preview samples; null for targets without modes.</param>
/// <param name="FramePath">The frame rendered then, or null.</param>
public sealed record ToyEvaluation(int Iteration, ModeReport? Modes, string? FramePath);
