using System.Globalization;

namespace GanSharp.Bench;

/// <summary>The bench program's command line.</summary>
internal sealed record BenchArguments(string Row, int Iterations, int Warmup, int? Threads, int RssEvery, string? Out)
{
    public static BenchArguments Parse(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("Usage: GanSharp.Bench <row> [--iterations N] [--warmup N] [--threads N] [--rss-every N] [--out file.json]");
        var parsed = new BenchArguments(args[0], Iterations: 200, Warmup: 20, Threads: null, RssEvery: 0, Out: null);
        for (int i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"Option {args[i]} needs a value.");
            string value = args[i + 1];
            parsed = args[i] switch
            {
                "--iterations" => parsed with { Iterations = Positive(args[i], value) },
                "--warmup" => parsed with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => parsed with { Threads = Positive(args[i], value) },
                "--rss-every" => parsed with { RssEvery = Positive(args[i], value) },
                "--out" => parsed with { Out = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return parsed;
    }

    private static int Positive(string option, string value)
    {
        int n = int.Parse(value, CultureInfo.InvariantCulture);
        if (n < 1) throw new ArgumentException($"{option} must be at least 1 (got {n}).");
        return n;
    }
}
