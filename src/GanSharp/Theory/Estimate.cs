namespace GanSharp.Theory;

/// <summary>A Monte Carlo estimate and its standard error (the standard deviation of the estimator).</summary>
public sealed record Estimate(double Value, double StandardError)
{
    /// <summary>Mean and standard error ŝ/√n of independent draws <paramref name="values"/>.</summary>
    public static Estimate OfMean(IReadOnlyList<double> values)
    {
        if (values.Count < 2) throw new ArgumentException("A standard error needs at least two draws.", nameof(values));
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new Estimate(mean, Math.Sqrt(variance / values.Count));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Value:F4} ± {StandardError:F4}";
}
