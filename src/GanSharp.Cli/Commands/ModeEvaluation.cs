using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Metrics;
using GanSharp.Runs;
using GanSharp.Runtime;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>
/// <c>gansharp eval</c> on data whose modes a classifier can name (<c>stacked-mnist</c>): counts the modes of a checkpoint's samples
/// instead of comparing features. The data is <c>--data</c>, else the checkpoint's own.
/// </summary>
internal static class ModeEvaluation
{
    /// <summary>Whether <paramref name="data"/> is evaluated by counting modes.</summary>
    public static bool Applies(string? data) => data == StackedMnist.Name;

    /// <summary>The data of the run that wrote <paramref name="checkpointOrRun"/>, or null.</summary>
    public static string? DataOf(string? checkpointOrRun)
    {
        if (checkpointOrRun is null) return null;
        using var loaded = GeneratorCheckpoint.Load(checkpointOrRun);
        return loaded.Options.Data;
    }

    /// <param name="console">Where the table goes.</param>
    /// <param name="checkpointOrRun">The generator; null scores the real row only.</param>
    /// <param name="samplesGiven">Whether --samples was given (not supported here).</param>
    /// <param name="dataDir">--data-dir, else the run's.</param>
    /// <param name="n">--n when given, else VEEGAN's 26,000.</param>
    /// <param name="output">--out, else runs/eval.</param>
    /// <param name="cache">The classifier cache.</param>
    /// <param name="classifierOptions">The digit classifier's recipe.</param>
    /// <param name="classifier">Finds or trains the classifier of labelled data, printing its accuracy.</param>
    public static int Run(IAnsiConsole console, string? checkpointOrRun, bool samplesGiven, string? dataDir, int? n, string? output,
        ClassifierCache cache, FeatureClassifierOptions classifierOptions, Func<EvaluationData, TrainedClassifier> classifier)
    {
        if (samplesGiven) throw new ArgumentException($"{StackedMnist.Name} is scored from a --checkpoint (its samples are 3-channel images), not from a folder of --samples.");
        int count = n ?? StackedModes.PublishedSampleCount;
        if (count < 1) throw new ArgumentException($"--n must be at least 1 (got {count}).");
        ResourceBounds.EnsureMemory(3.0 * count * 3 * 28 * 28 * sizeof(float), $"--n {count}",
            "estimated as the generated and the real 3×28×28 images and their channels as digits, in four-byte floats");
        using var loaded = checkpointOrRun is null ? null : GeneratorCheckpoint.Load(checkpointOrRun);
        if (loaded is not null && loaded.SampleShape is not [3, 28, 28])
            throw new ArgumentException($"{loaded.Path} generates [{string.Join(", ", loaded.SampleShape)}] samples; {StackedMnist.Name} images are [3, 28, 28].");
        using var noise = new RandomStream((ulong)RandomStreams.Seed(classifierOptions.Seed, RandomStreams.Noise));
        if (loaded is not null) console.MarkupLine($"Generator: [bold]{Markup.Escape(loaded.Path)}[/] (iteration {loaded.Iteration:N0})");
        using var mnist = EvaluationData.Open(ImageDatasets.MnistName, dataDir ?? loaded?.Options.DataDir, classifierOptions.Seed);
        using var digits = classifier(mnist);
        var report = StackedMnistEvaluation.Run(digits, mnist, loaded is null ? null : m => loaded.Sample(m, noise), count, classifierOptions.Seed,
            loaded?.Path, step => console.MarkupLine($"[grey]{Markup.Escape(step)}…[/]"));
        var path = ModeCountJson.Write(report, output ?? Path.Combine("runs", "eval"));
        ModeCountTable.Write(console, report);
        console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
        return 0;
    }
}
