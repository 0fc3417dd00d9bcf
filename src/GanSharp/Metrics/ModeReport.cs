namespace GanSharp.Metrics;

/// <summary>Mode coverage of generated samples on a mixture with known modes (PacGAN / VEEGAN protocol).</summary>
/// <param name="ModesCaptured">Modes with at least one high-quality sample.</param>
/// <param name="ModesTotal">Number of modes K.</param>
/// <param name="HighQualityFraction">Fraction of samples within 3σ of their nearest mode.</param>
/// <param name="ReverseKl">KL(p̂ ‖ U_K) of the high-quality samples' histogram over modes p̂ against uniform, in nats; null when no sample is high-quality.</param>
/// <param name="SampleCount">Number of samples scored.</param>
/// <param name="HighQualityPerMode">High-quality samples per mode.</param>
public sealed record ModeReport(
    int ModesCaptured,
    int ModesTotal,
    double HighQualityFraction,
    double? ReverseKl,
    int SampleCount,
    IReadOnlyList<int> HighQualityPerMode);
