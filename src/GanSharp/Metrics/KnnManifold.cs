using static TorchSharp.torch;

namespace GanSharp.Metrics;

/// <summary>
/// A sample set's manifold estimate as a union of balls: each point x_i with radius r_i = NND_k(x_i),
/// the distance to its k-th nearest other point in the set (Kynkäänniemi et al. 2019, §2).
/// </summary>
/// <remarks>
/// Distances are Euclidean, computed in float32 in row chunks of <see cref="ChunkRows"/> so that a
/// 10,000 × 10,000 comparison needs tens of megabytes, not gigabytes.
/// </remarks>
public sealed class KnnManifold : IDisposable
{
    /// <summary>Rows of queries compared with the whole set at once.</summary>
    public const int ChunkRows = 1024;

    private KnnManifold(Tensor points, Tensor radii, int k)
    {
        Points = points;
        Radii = radii;
        K = k;
    }

    /// <summary>The set's points, [n, d] float32.</summary>
    public Tensor Points { get; }

    /// <summary>r_i = NND_k(x_i), [n] float32.</summary>
    public Tensor Radii { get; }

    /// <summary>The neighbour rank k that sets the radii.</summary>
    public int K { get; }

    /// <summary>Number of points (balls).</summary>
    public long Count => Points.shape[0];

    /// <summary>Builds the balls of <paramref name="points"/> ([n, d], n &gt; k) with radius the distance to the k-th nearest other point.</summary>
    public static KnnManifold Build(Tensor points, int k)
    {
        if (points.dim() != 2) throw new ArgumentException($"Points must have shape [n, d], got [{string.Join(", ", points.shape)}].", nameof(points));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        long n = points.shape[0];
        if (n <= k) throw new ArgumentException($"A k-NN radius with k = {k} needs more than {k} points, got {n}.", nameof(points));
        using var outer = NewDisposeScope();
        var x = points.detach().to_type(float32).cpu().contiguous().clone();
        var radii = new float[n];
        for (long start = 0; start < n; start += ChunkRows)
        {
            using var scope = NewDisposeScope();
            long rows = Math.Min(ChunkRows, n - start);
            var distances = cdist(x.narrow(0, start, rows), x);                // [rows, n]
            // k + 1 smallest: the point itself (distance 0) comes first.
            var (nearest, _) = distances.topk(k + 1, dim: 1, largest: false, sorted: true);
            nearest.select(1, k).data<float>().CopyTo(radii, (int)start);
        }
        return new KnnManifold(x.MoveToOuterDisposeScope(), tensor(radii).MoveToOuterDisposeScope(), k);
    }

    /// <summary>For each query y_j ([m, d]): how many balls contain it, |{i : ‖y_j − x_i‖ ≤ r_i}|. Shape [m], int64.</summary>
    public Tensor CountContaining(Tensor queries)
    {
        using var outer = NewDisposeScope();
        var y = CheckQueries(queries);
        long m = y.shape[0];
        var counts = new long[m];
        for (long start = 0; start < m; start += ChunkRows)
        {
            using var scope = NewDisposeScope();
            long rows = Math.Min(ChunkRows, m - start);
            var inside = cdist(y.narrow(0, start, rows), Points) <= Radii.unsqueeze(0);   // [rows, n]
            inside.sum(1).data<long>().CopyTo(counts, (int)start);
        }
        return tensor(counts).MoveToOuterDisposeScope();
    }

    /// <summary>For each ball i: whether some query lies strictly inside it, min_j ‖y_j − x_i‖ &lt; r_i. Shape [n], bool.</summary>
    public Tensor ContainsAny(Tensor queries)
    {
        using var outer = NewDisposeScope();
        var y = CheckQueries(queries);
        long n = Count;
        var hit = new bool[n];
        for (long start = 0; start < n; start += ChunkRows)
        {
            using var scope = NewDisposeScope();
            long rows = Math.Min(ChunkRows, n - start);
            var (nearest, _) = cdist(Points.narrow(0, start, rows), y).min(1);           // [rows]
            (nearest < Radii.narrow(0, start, rows)).data<bool>().CopyTo(hit, (int)start);
        }
        return tensor(hit).MoveToOuterDisposeScope();
    }

    private Tensor CheckQueries(Tensor queries)
    {
        if (queries.dim() != 2 || queries.shape[1] != Points.shape[1])
            throw new ArgumentException($"Queries must have shape [m, {Points.shape[1]}], got [{string.Join(", ", queries.shape)}].", nameof(queries));
        return queries.detach().to_type(float32).cpu().contiguous();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Points.Dispose();
        Radii.Dispose();
    }
}
