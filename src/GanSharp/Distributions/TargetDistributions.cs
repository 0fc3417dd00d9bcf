namespace GanSharp.Distributions;

/// <summary>The built-in target distributions, by name.</summary>
public static class TargetDistributions
{
    /// <summary>Names accepted by <see cref="ByName"/>.</summary>
    public static readonly IReadOnlyList<string> Names = new[] { "ring", "grid", "moons", "mixture1d", "gaussian1d" };

    /// <summary>8 Gaussians evenly spaced on a circle of radius 2, σ = 0.02.</summary>
    public static ModalMixture Ring(int modes = 8, double radius = 2.0, double stddev = 0.02) =>
        new("ring", Enumerable.Range(0, modes)
            .Select(k => new[] { radius * Math.Cos(2 * Math.PI * k / modes), radius * Math.Sin(2 * Math.PI * k / modes) })
            .ToArray(), stddev);

    /// <summary>25 Gaussians at {−4, −2, 0, 2, 4}², σ = 0.05.</summary>
    public static ModalMixture Grid(double stddev = 0.05) =>
        new("grid", (from x in new[] { -4.0, -2, 0, 2, 4 } from y in new[] { -4.0, -2, 0, 2, 4 } select new[] { x, y }).ToArray(), stddev);

    /// <summary>1D: ½ N(−2, 0.3²) + ½ N(2, 0.3²).</summary>
    public static ModalMixture Mixture1D(double stddev = 0.3) => new("mixture1d", new[] { new[] { -2.0 }, new[] { 2.0 } }, stddev);

    /// <summary>1D: N(1, 0.5²).</summary>
    public static GaussianMixture Gaussian1D(double mean = 1.0, double stddev = 0.5) => new("gaussian1d", new[] { new[] { mean } }, new[] { stddev });

    /// <summary>The built-in distribution called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static ITargetDistribution ByName(string name) => name.ToLowerInvariant() switch
    {
        "ring" => Ring(),
        "grid" => Grid(),
        "moons" => new TwoMoons(),
        "mixture1d" => Mixture1D(),
        "gaussian1d" => Gaussian1D(),
        _ => throw new ArgumentException($"Unknown data set '{name}'. Built-in: {string.Join(", ", Names)}; or give a .csv or .npy file of points."),
    };
}
