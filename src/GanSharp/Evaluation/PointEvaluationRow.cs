namespace GanSharp.Evaluation;

/// <summary>The metrics of one set of points against the target; a metric that does not apply is null.</summary>
/// <param name="Name">The set: <c>model</c>, or a calibration row (<c>real</c>, <c>collapsed</c>).</param>
/// <param name="Samples">Points scored.</param>
/// <param name="ModesCaptured">Modes with at least one sample within 3σ (modal targets only).</param>
/// <param name="ModesTotal">Modes of the target (modal targets only).</param>
/// <param name="HighQualityFraction">Share of samples within 3σ of their nearest mode (modal targets only).</param>
/// <param name="ReverseKl">KL(high-quality mode histogram ‖ uniform), nats (modal targets only; null without high-quality samples).</param>
/// <param name="KlDataModel">KL(P_data ‖ P_G), nats, P_G the kernel density estimate of the points (targets with a density only).</param>
/// <param name="KlModelData">KL(P_G ‖ P_data), nats, likewise.</param>
/// <param name="Jsd">JSD(P_data ‖ P_G), nats, in [0, log 2], likewise.</param>
/// <param name="KdeBandwidth">Kernel width h of the estimate P_G, likewise.</param>
public sealed record PointEvaluationRow(
    string Name,
    int Samples,
    int? ModesCaptured,
    int? ModesTotal,
    double? HighQualityFraction,
    double? ReverseKl,
    double? KlDataModel,
    double? KlModelData,
    double? Jsd,
    double? KdeBandwidth);
