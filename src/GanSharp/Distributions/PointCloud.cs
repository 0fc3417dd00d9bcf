using static TorchSharp.torch;

namespace GanSharp.Distributions;

/// <summary>The empirical distribution of a user's points (e.g. read from a CSV or .npy file): sampled with replacement; no known density.</summary>
public sealed class PointCloud : ITargetDistribution
{
    private readonly float[] _values;

    /// <param name="name">Short name for reports (e.g. the file name).</param>
    /// <param name="points">The points, [N][d] with d = 1 or 2 typically.</param>
    public PointCloud(string name, IReadOnlyList<float[]> points)
    {
        if (points.Count == 0) throw new ArgumentException("A point cloud needs at least one point.", nameof(points));
        int d = points[0].Length;
        if (d == 0 || points.Any(p => p.Length != d)) throw new ArgumentException("All points must have the same, non-zero dimension.", nameof(points));
        if (points.Any(p => p.Any(v => !float.IsFinite(v)))) throw new ArgumentException("Points must be finite numbers.", nameof(points));
        Name = name;
        Dimension = d;
        Count = points.Count;
        _values = points.SelectMany(p => p).ToArray();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>Number of points N.</summary>
    public int Count { get; }

    /// <inheritdoc />
    public bool HasDensity => false;

    /// <summary>All points as a [N, d] float32 tensor.</summary>
    public Tensor ToTensor() => tensor(_values, new long[] { Count, Dimension });

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        var index = randint(0, Count, new long[] { n }, dtype: int64, generator: stream);
        return ToTensor().index_select(0, index).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor LogDensity(Tensor x) =>
        throw new InvalidOperationException($"The density of the point set '{Name}' is not known; metrics that need an exact density do not apply to it.");
}
