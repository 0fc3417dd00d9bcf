using System.CommandLine;

namespace GanSharp.Cli.Commands;

/// <summary><c>--no-ema</c> of the commands that load a generator: G's own weights even where the run kept a moving average of them.</summary>
internal static class OwnWeightsOption
{
    public static Option<bool> Create() => new("--no-ema")
    {
        Description = "Use G's own weights even where the run kept an EMA of them (--ema), e.g. to measure what the average adds.",
    };

    /// <summary>The <c>weights</c> key of eval.json: "ema" or "own".</summary>
    public static string Key(bool isAverage) => isAverage ? "ema" : "own";

    /// <summary>"EMA of G's weights" or "G's own weights", for the line that names the generator.</summary>
    public static string Describe(bool isAverage) => isAverage ? "EMA of G's weights" : "G's own weights";
}
