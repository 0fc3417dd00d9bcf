using static TorchSharp.torch;

namespace GanSharp.Theory;

/// <summary>
/// A uniform midpoint grid for quadrature: ∫ f(x) dx ≈ Σ_i f(x_i) · ΔV over the cell centres x_i of a
/// box, in 1D or 2D. The rule is exact up to O(h²) for smooth f and needs the box to hold all the mass.
/// </summary>
public sealed class QuadratureGrid
{
    private readonly double[] _points;

    private QuadratureGrid(double[] points, int dimension, double cellVolume)
    {
        _points = points;
        Dimension = dimension;
        CellVolume = cellVolume;
    }

    /// <summary>Dimension d of a point.</summary>
    public int Dimension { get; }

    /// <summary>Volume ΔV of one cell (h in 1D, h² in 2D).</summary>
    public double CellVolume { get; }

    /// <summary>Number of cells.</summary>
    public int Count => _points.Length / Dimension;

    /// <summary>The cell centres as a new [n, d] float64 tensor.</summary>
    public Tensor Points() => tensor(_points, new long[] { Count, Dimension }, dtype: float64);

    /// <summary>n cells on [lo, hi].</summary>
    public static QuadratureGrid Line(double lo, double hi, int n)
    {
        Check(lo, hi, n);
        double h = (hi - lo) / n;
        return new QuadratureGrid(Enumerable.Range(0, n).Select(i => lo + (i + 0.5) * h).ToArray(), 1, h);
    }

    /// <summary>n × n cells on [lo, hi]², rows ordered with x fastest.</summary>
    public static QuadratureGrid Square(double lo, double hi, int n) => Rectangle(lo, hi, n, lo, hi, n);

    /// <summary>nx × ny cells on [xlo, xhi] × [ylo, yhi], rows ordered with x fastest.</summary>
    public static QuadratureGrid Rectangle(double xlo, double xhi, int nx, double ylo, double yhi, int ny)
    {
        Check(xlo, xhi, nx);
        Check(ylo, yhi, ny);
        double hx = (xhi - xlo) / nx, hy = (yhi - ylo) / ny;
        var points = new double[2 * nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                points[2 * (j * nx + i)] = xlo + (i + 0.5) * hx;
                points[2 * (j * nx + i) + 1] = ylo + (j + 0.5) * hy;
            }
        return new QuadratureGrid(points, 2, hx * hy);
    }

    /// <summary>∫ f ≈ ΔV · Σ_i f(x_i) for values f(x_i) of shape [n] (differentiable).</summary>
    public Tensor Integrate(Tensor values) => values.sum() * CellVolume;

    private static void Check(double lo, double hi, int n)
    {
        if (!(hi > lo) || double.IsInfinity(lo) || double.IsInfinity(hi)) throw new ArgumentException($"The grid needs finite bounds lo < hi (got [{lo}, {hi}]).");
        if (n < 2) throw new ArgumentException($"The grid needs at least two cells per axis (got {n}).", nameof(n));
    }
}
