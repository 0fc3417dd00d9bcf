namespace GanSharp.Evaluation;

/// <summary>The modes one sample set covers, as a mode classifier reads them (Stacked MNIST's digit triples, cartoon faces' attribute combinations).</summary>
/// <param name="Name">The set: <c>model</c>, or the calibration row <c>real</c>.</param>
/// <param name="SampleCount">Samples classified.</param>
/// <param name="ModesCaptured">Modes given at least one sample (VEEGAN's count).</param>
/// <param name="ModeKl">KL(mode histogram ‖ uniform over the modes), in nats.</param>
/// <param name="Sharpness">Laplacian energy relative to real images of the data (1: as sharp; below 1: blurrier).</param>
public sealed record ModeCountRow(string Name, int SampleCount, int ModesCaptured, double ModeKl, double Sharpness)
{
    /// <summary>Per attribute, KL(the attribute's value histogram ‖ uniform over its values), in nats; empty where the modes have no named attributes.</summary>
    public IReadOnlyDictionary<string, double> AttributeKl { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Per attribute, the share of the samples given each of its values (by value name; summing to 1), which says which values a high
    /// attribute KL comes from; empty where the modes have no named attributes.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> AttributeShares { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>
    /// Share of the classified parts (Stacked MNIST: channel digits) the classifier reads with top probability below 0.9, so counted for a
    /// mode it is unsure of; null where not measured.
    /// </summary>
    public double? UnclearShare { get; init; }

    /// <summary>The value histogram <paramref name="shares"/> (in the order of <paramref name="valueNames"/>) keyed by value name.</summary>
    public static IReadOnlyDictionary<string, double> Named(IReadOnlyList<double> shares, IReadOnlyList<string> valueNames) =>
        valueNames.Select((name, i) => (name, shares[i])).ToDictionary(p => p.name, p => p.Item2);
}
