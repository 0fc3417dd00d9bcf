using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Metrics;
using GanSharp.Runs;
using GanSharp.Runtime;
using Spectre.Console;
using static TorchSharp.torch;

namespace GanSharp.Cli.Commands;

/// <summary>
/// <c>gansharp eval</c> on data whose modes a classifier can name (<c>stacked-mnist</c>, <c>cartoon-faces</c>): counts the modes of a
/// checkpoint's samples instead of comparing features. The data is <c>--data</c>, else the checkpoint's own.
/// </summary>
internal static class ModeEvaluation
{
    /// <summary>Whether <paramref name="data"/> is evaluated by counting modes.</summary>
    public static bool Applies(string? data) => data is StackedMnist.Name or CartoonFaces.Name;

    /// <summary>Faces the attribute classifier is trained on, and held out to measure it.</summary>
    public const int FaceTrainCount = 5_000, FaceTestCount = 1_000;

    /// <summary>The settings of the run that wrote <paramref name="checkpointOrRun"/> (no weights loaded), or null.</summary>
    public static RunOptions? SettingsOf(string? checkpointOrRun)
    {
        if (checkpointOrRun is null) return null;
        var path = CheckpointStore.Resolve(checkpointOrRun);
        return RunOptions.FromJson(CheckpointFile.ReadConfig(path), $"{path}: its entry {CheckpointFile.ConfigEntryName}");
    }

    /// <param name="console">Where the table goes.</param>
    /// <param name="data">stacked-mnist or cartoon-faces.</param>
    /// <param name="checkpointOrRun">The generator; null scores the real row only.</param>
    /// <param name="ownWeights">--no-ema: G's own weights even where the run kept an average.</param>
    /// <param name="samplesGiven">Whether --samples was given (not supported here).</param>
    /// <param name="dataDir">--data-dir, else the run's.</param>
    /// <param name="n">--n when given, else VEEGAN's 26,000 (Stacked MNIST) or 10,000 (faces).</param>
    /// <param name="output">--out, else runs/eval.</param>
    /// <param name="cache">The classifier cache.</param>
    /// <param name="classifierOptions">The digit classifier's recipe.</param>
    /// <param name="readers">stacked-mnist: classifiers whose probabilities are averaged (<see cref="DigitReader"/>).</param>
    /// <param name="classifier">Finds or trains the classifier of labelled data with the given recipe, printing its accuracy.</param>
    public static int Run(IAnsiConsole console, string data, string? checkpointOrRun, bool ownWeights, bool samplesGiven, string? dataDir, int? n, string? output,
        ClassifierCache cache, FeatureClassifierOptions classifierOptions, int readers, Func<EvaluationData, FeatureClassifierOptions, TrainedClassifier> classifier)
    {
        if (samplesGiven) throw new ArgumentException($"{data} is scored from a --checkpoint (its samples are RGB images), not from a folder of --samples.");
        bool faces = data == CartoonFaces.Name;
        long[] shape = faces ? new long[] { 3, CartoonFaces.Side, CartoonFaces.Side } : new long[] { 3, 28, 28 };
        int count = n ?? (faces ? new EvaluationOptions().SampleCount : StackedModes.PublishedSampleCount);
        if (count < 1) throw new ArgumentException($"--n must be at least 1 (got {count}).");
        if (faces && readers != 1) throw new ArgumentException($"--classifier-ensemble reads the digits of {StackedMnist.Name}; {CartoonFaces.Name} is read by one attribute classifier.");
        if (readers is < 1 or > DigitReader.MaxSize) throw new ArgumentException($"--classifier-ensemble must be 1 … {DigitReader.MaxSize} (got {readers}).");
        ResourceBounds.EnsureMemory(3.0 * count * shape[0] * shape[1] * shape[2] * sizeof(float), $"--n {count}",
            "estimated as the generated and the real images and a copy of them, in four-byte floats");
        using var loaded = checkpointOrRun is null ? null : GeneratorCheckpoint.Load(checkpointOrRun, ownWeights);
        if (loaded is not null && !loaded.SampleShape.SequenceEqual(shape))
            throw new ArgumentException($"{loaded.Path} generates [{string.Join(", ", loaded.SampleShape)}] samples; {data} images are [{string.Join(", ", shape)}].");
        using var noise = new RandomStream((ulong)RandomStreams.Seed(classifierOptions.Seed, RandomStreams.Noise));
        if (loaded is not null) console.MarkupLine($"Generator: [bold]{Markup.Escape(loaded.Path)}[/] (iteration {loaded.Iteration:N0}, {OwnWeightsOption.Describe(loaded.IsAverage)})");
        Func<long, Tensor>? generate = loaded is null ? null : m => loaded.Sample(m, noise);
        Action<string> progress = step => console.MarkupLine($"[grey]{Markup.Escape(step)}…[/]");
        ModeCountReport report;
        if (faces)
        {
            var started = DateTime.UtcNow;
            progress($"rendering {FaceTrainCount:N0} faces and finding the attribute classifier trained on them in the cache, or training it");
            var (attributes, record, fromCache) = CartoonFaceEvaluation.GetOrTrainClassifier(FaceTrainCount, FaceTestCount, classifierOptions, cache, (epoch, loss) =>
                console.MarkupLine($"[grey]attribute classifier epoch {epoch}/{classifierOptions.Epochs}: loss {loss:F4} ({(DateTime.UtcNow - started).TotalSeconds:F0} s)[/]"));
            console.MarkupLine($"Attribute classifier ({(fromCache ? "cached" : $"trained in {(DateTime.UtcNow - started).TotalSeconds:F0} s")}): held-out accuracy [bold]{record.TestAccuracy:P2}[/]");
            using (attributes)
                report = CartoonFaceEvaluation.Run(attributes, record, generate, count, classifierOptions.Seed, loaded?.Path, progress);
        }
        else
        {
            using var mnist = EvaluationData.Open(ImageDatasets.MnistName, dataDir ?? loaded?.Options.DataDir, classifierOptions.Seed);
            using var digits = DigitReader.Build(mnist, classifierOptions, readers, memberOptions => classifier(mnist, memberOptions));
            if (readers > 1)
                console.MarkupLine($"Digit reader: {readers} classifiers (seeds {classifierOptions.Seed}…{classifierOptions.Seed + readers - 1}), probabilities averaged: held-out accuracy [bold]{digits.Record.TestAccuracy:P2}[/]");
            report = StackedMnistEvaluation.Run(digits, mnist, generate, count, classifierOptions.Seed, loaded?.Path, progress);
        }
        report = report with { Weights = loaded is null ? null : OwnWeightsOption.Key(loaded.IsAverage) };
        var path = ModeCountJson.Write(report, output ?? Path.Combine("runs", "eval"));
        ModeCountTable.Write(console, report);
        console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
        return 0;
    }
}
