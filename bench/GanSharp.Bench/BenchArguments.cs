using System.Globalization;

namespace GanSharp.Bench;

/// <summary>The bench program's command line.</summary>
/// <param name="Row">The row to time (toy100, toy512w256, dcgan28b128, …).</param>
/// <param name="Iterations">Timed iterations.</param>
/// <param name="Warmup">Untimed iterations first.</param>
/// <param name="Threads">libtorch threads (null: the thread policy's choice).</param>
/// <param name="RssEvery">Sample resident memory every N iterations (0: never).</param>
/// <param name="Out">JSON file of the results, or null.</param>
/// <param name="Block">Iterations per block when alternating thread counts.</param>
/// <param name="Alternate">Thread counts to alternate in one process, in blocks of <paramref name="Block"/> iterations
/// (each block preceded by one untimed iteration); <paramref name="Iterations"/> and <paramref name="Warmup"/> are then per count.</param>
internal sealed record BenchArguments(string Row, int Iterations, int Warmup, int? Threads, int RssEvery, string? Out, int[]? Alternate = null, int Block = 5)
{
    public static BenchArguments Parse(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("Usage: GanSharp.Bench <row> [--iterations N] [--warmup N] [--threads N | --alternate 1,2 [--block N]] [--rss-every N] [--out file.json]");
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
                "--alternate" => parsed with { Alternate = value.Split(',').Select(v => Positive(args[i], v)).ToArray() },
                "--block" => parsed with { Block = Positive(args[i], value) },
                "--rss-every" => parsed with { RssEvery = Positive(args[i], value) },
                "--out" => parsed with { Out = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (parsed.Alternate is not null && (parsed.Threads is not null || parsed.RssEvery > 0))
            throw new ArgumentException("--alternate sets the thread count itself and samples no memory: leave out --threads and --rss-every.");
        return parsed;
    }

    private static int Positive(string option, string value)
    {
        int n = int.Parse(value, CultureInfo.InvariantCulture);
        if (n < 1) throw new ArgumentException($"{option} must be at least 1 (got {n}).");
        return n;
    }
}
