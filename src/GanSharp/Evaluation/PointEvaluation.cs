using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Metrics;
using GanSharp.Runtime;
using GanSharp.Theory;
using static TorchSharp.torch;

namespace GanSharp.Evaluation;

/// <summary>
/// Scores generated points (1D or 2D) against their target: the mode metrics where the target is modal, and where it
/// has a density, KL(P_data‖P_G), KL(P_G‖P_data) and JSD(P_data‖P_G) with P_G a Gaussian kernel density estimate of the
/// points, each beside the same numbers for a fresh real sample (the floor) and a collapsed one (the ceiling).
/// </summary>
public static class PointEvaluation
{
    /// <summary>Default Monte Carlo draws behind each divergence estimate (standard errors of about 0.01 nats on the built-in targets).</summary>
    public const int DefaultDivergenceDraws = 10_000;

    /// <summary>Candidate bandwidths, log-spaced over this many decades below the largest Scott bandwidth of the points and the real sample.</summary>
    private const double BandwidthDecades = 3;

    private const int BandwidthCandidates = 16;

    /// <summary>The points of a .csv/.txt/.npy file as an [n, d] float32 tensor.</summary>
    public static Tensor ReadPoints(string path) => PointFileReader.Read(path).ToTensor();

    /// <summary>
    /// Scores <paramref name="points"/> ([n, d], n ≥ 2) against <paramref name="target"/>; <paramref name="seed"/> fixes the real
    /// sample and the Monte Carlo draws, <paramref name="divergenceDraws"/> draws go into each KL and JSD estimate.
    /// </summary>
    public static PointEvaluationReport Run(ITargetDistribution target, Tensor points, int seed = 0, string? source = null, int divergenceDraws = DefaultDivergenceDraws)
    {
        if (divergenceDraws < 2) throw new ArgumentException($"The divergence estimates need at least 2 draws (got {divergenceDraws}).", nameof(divergenceDraws));
        if (points.dim() != 2 || points.shape[0] < 2)
            throw new ArgumentException($"Expected at least two points of shape [n, d], got [{string.Join(", ", points.shape)}].", nameof(points));
        if (points.shape[1] != target.Dimension)
            throw new ArgumentException($"The points have {points.shape[1]} coordinate(s) but the target '{target.Name}' has {target.Dimension}.", nameof(points));
        int n = (int)points.shape[0];
        using var scope = NewDisposeScope();
        using var random = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Data));
        var real = target.Sample(n, random);
        var collapsed = Collapsed(target, real, random);
        var rows = new[] { ("model", points.to_type(float32).cpu()), ("real", real), ("collapsed", collapsed) }
            .Select(r => Score(r.Item1, r.Item2, target, real, random, divergenceDraws))
            .ToArray();
        var notes = new List<string>();
        if (target.HasDensity)
            notes.Add($"P_G is a Gaussian kernel density estimate of each row's points (bandwidth h by leave-one-out likelihood); KL and JSD are Monte Carlo estimates from {divergenceDraws:N0} draws.");
        else
            notes.Add($"The target '{target.Name}' has no known density (user points): no KL or JSD.");
        if (target is not IModalDistribution)
            notes.Add($"The target '{target.Name}' has no modes: no mode metrics.");
        return new PointEvaluationReport(target.Name, source, rows[0], rows[1..], target.HasDensity ? divergenceDraws : null, notes);
    }

    /// <summary>Every point at the first mode (σ-wide, as one mode of the target), or exactly at the real sample's mean for a target without modes.</summary>
    private static Tensor Collapsed(ITargetDistribution target, Tensor real, RandomStream random)
    {
        long n = real.shape[0];
        if (target is IModalDistribution modal)
        {
            var mode = tensor(modal.Modes[0], new long[] { 1, target.Dimension }, dtype: float32);
            return mode + modal.ModeStddev * randn(new long[] { n, target.Dimension }, generator: random);
        }
        return real.mean(new long[] { 0 }, keepdim: true).expand(n, target.Dimension).contiguous();
    }

    private static PointEvaluationRow Score(string name, Tensor points, ITargetDistribution target, Tensor real, RandomStream random, int draws)
    {
        int n = (int)points.shape[0];
        ModeReport? modes = target is IModalDistribution modal ? ModeMetrics.Compute(points, modal) : null;
        double? klDataModel = null, klModelData = null, jsd = null, bandwidth = null;
        if (target.HasDensity)
        {
            bandwidth = Bandwidth(points, real);
            var kde = new KernelDensityEstimate("P_G (KDE)", points, bandwidth);
            klDataModel = KlDivergence.MonteCarlo(target, kde, draws, random).Value;
            klModelData = KlDivergence.MonteCarlo(kde, target, draws, random).Value;
            jsd = JensenShannon.MonteCarlo(target, kde, draws, random).Value;
        }
        return new PointEvaluationRow(name, n, modes?.ModesCaptured, modes?.ModesTotal, modes?.HighQualityFraction, modes?.ReverseKl,
            klDataModel, klModelData, jsd, bandwidth);
    }

    /// <summary>
    /// h by leave-one-out likelihood among log-spaced candidates below the larger Scott bandwidth of the points and of
    /// the real sample (so a collapsed set, whose own spread may be 0, still gets a positive h).
    /// </summary>
    private static double Bandwidth(Tensor points, Tensor real)
    {
        double top = Math.Max(KernelDensityEstimate.ScottBandwidth(points), KernelDensityEstimate.ScottBandwidth(real));
        var candidates = Enumerable.Range(0, BandwidthCandidates)
            .Select(i => top * Math.Pow(10, -BandwidthDecades * i / (BandwidthCandidates - 1)))
            .ToArray();
        return KernelDensityEstimate.LeaveOneOutBandwidth(points, candidates);
    }
}
