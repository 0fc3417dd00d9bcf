namespace GanSharp.Theory;

/// <summary>
/// The exact sign test for paired samples (Dixon &amp; Mood 1946): under H₀ each non-zero difference is positive with probability ½,
/// so the number of positive differences among the n non-zero ones is Binomial(n, ½). Ties (zero differences) are dropped.
/// </summary>
public static class SignTest
{
    /// <summary>One-sided p-value of "a tends to exceed b": P(X ≥ k), X ~ Binomial(n, ½), k positive and n non-zero differences a_i − b_i.</summary>
    /// <remarks>With no non-zero difference there is no evidence either way: p = 1.</remarks>
    public static double GreaterPValue(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"Paired samples need equal lengths (got {a.Count} and {b.Count}).", nameof(b));
        var differences = a.Zip(b, (x, y) => x - y).Where(d => d != 0).ToArray();
        int n = differences.Length, k = differences.Count(d => d > 0);
        if (n == 0) return 1;
        double p = 0;
        for (int i = k; i <= n; i++) p += Binomial(n, i);
        return p / Math.Pow(2, n);
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
