using static TorchSharp.torch;

namespace GanSharp.Distributions;

/// <summary>
/// Two interleaved half-circles with Gaussian noise: a curved, non-mixture target.
/// </summary>
/// <remarks>
/// A sample picks a moon with probability ½, an angle t ~ U(0, π) and adds N(0, σ² I) noise to
/// c(t) = s·((cos t, sin t) − o) on the upper moon or s·((1 − cos t, ½ − sin t) − o) on the lower,
/// with scale s = 2 and offset o = (½, ¼). Its density is
/// p(x) = ½ Σ_moon (1/π) ∫₀^π N(x; c(t), σ² I) dt, evaluated by the midpoint rule on
/// <see cref="QuadraturePoints"/> angles per moon (spacing ≪ σ, so the rule's error is far below 1e-9 relative).
/// </remarks>
public sealed class TwoMoons : ITargetDistribution
{
    /// <summary>Angles per moon in the density's quadrature.</summary>
    public const int QuadraturePoints = 2000;

    private const double Scale = 2.0;
    private static readonly double[] Offset = { 0.5, 0.25 };

    /// <param name="noise">Noise standard deviation σ (after scaling).</param>
    public TwoMoons(double noise = 0.1)
    {
        if (!(noise > 0)) throw new ArgumentException("Noise must be positive.", nameof(noise));
        Noise = noise;
    }

    /// <summary>Noise standard deviation σ.</summary>
    public double Noise { get; }

    /// <inheritdoc />
    public string Name => "moons";

    /// <inheritdoc />
    public int Dimension => 2;

    /// <inheritdoc />
    public bool HasDensity => true;

    /// <summary>The point on a moon's centre curve at angle t (0 = upper moon, 1 = lower moon).</summary>
    public static (double X, double Y) Curve(int moon, double t) => moon == 0
        ? (Scale * (Math.Cos(t) - Offset[0]), Scale * (Math.Sin(t) - Offset[1]))
        : (Scale * (1 - Math.Cos(t) - Offset[0]), Scale * (0.5 - Math.Sin(t) - Offset[1]));

    /// <inheritdoc />
    public Tensor Sample(long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        var moon = randint(0, 2, new long[] { n }, dtype: float64, generator: stream);      // [n], 0 or 1
        var t = rand(new long[] { n }, dtype: float64, generator: stream) * Math.PI;       // [n]
        var upper = stack(new[] { t.cos() - Offset[0], t.sin() - Offset[1] }, 1);           // [n, 2]
        var lower = stack(new[] { 1 - t.cos() - Offset[0], 0.5 - t.sin() - Offset[1] }, 1);
        var centre = Scale * where(moon.unsqueeze(1) == 0, upper, lower);
        var x = centre + Noise * randn(new long[] { n, 2 }, dtype: float64, generator: stream);
        return x.to_type(float32).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor LogDensity(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != 2)
            throw new ArgumentException($"Expected points of shape [n, 2], got [{string.Join(", ", x.shape)}].", nameof(x));
        using var scope = NewDisposeScope();
        var dtype = is_floating_point(x) ? x.dtype : float64;
        var centres = new double[2 * QuadraturePoints * 2];
        int i = 0;
        for (int moon = 0; moon < 2; moon++)
            for (int q = 0; q < QuadraturePoints; q++)
            {
                var (cx, cy) = Curve(moon, (q + 0.5) * Math.PI / QuadraturePoints);
                centres[i++] = cx;
                centres[i++] = cy;
            }
        var c = tensor(centres, new long[] { 2 * QuadraturePoints, 2 }, dtype: dtype, device: x.device);  // [2Q, 2]
        double var = Noise * Noise;
        double logNorm = -Math.Log(2 * QuadraturePoints) - Math.Log(2 * Math.PI * var);
        var xs = x.to_type(dtype);
        var parts = new List<Tensor>();
        const long chunk = 2048;
        for (long start = 0; start < xs.shape[0]; start += chunk)
        {
            // Each block's [b, 2Q] temporaries are freed before the next block: only its [b] result survives.
            using var blockScope = NewDisposeScope();
            var block = xs.narrow(0, start, Math.Min(chunk, xs.shape[0] - start));             // [b, 2]
            var sq = cdist(block, c).square();                                                   // [b, 2Q]
            parts.Add(((-sq / (2 * var)).logsumexp(1) + logNorm).MoveToOuterDisposeScope());
        }
        var result = parts.Count == 0 ? empty(0, dtype: dtype, device: x.device) : cat(parts, 0);
        return result.MoveToOuterDisposeScope();
    }
}
