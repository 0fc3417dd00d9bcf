using System.CommandLine;
using GanSharp.Distributions;
using GanSharp.Evaluation;
using GanSharp.Runs;
using GanSharp.Runtime;
using Spectre.Console;
using static TorchSharp.torch;

namespace GanSharp.Cli.Commands;

/// <summary>
/// <c>gansharp eval</c>: scores a generator against real images in a feature classifier's space, beside calibration rows;
/// or, with <c>--run</c> or <c>--points</c>, scores generated 1D/2D points (see <see cref="PointEvaluation"/>);
/// <c>gansharp eval train-classifier</c>: trains (or finds in the cache) that classifier and prints its test accuracy.
/// </summary>
internal static class EvalCommand
{
    public static Command Create() => Create(AnsiConsole.Console);

    public static Command Create(IAnsiConsole console)
    {
        var data = new Option<string>("--data") { Description = "fashion-mnist, mnist, stacked-mnist or cartoon-faces (modes counted), or a folder of pictures (label-free metrics only); default: the data a --checkpoint was trained on; with --points: the target (ring, grid, moons, mixture1d, gaussian1d or a point file).", HelpName = "NAME|DIR" };
        var run = new Option<string>("--run") { Description = "A run folder on points (written by `gansharp train --data ring|…`): score its samples.csv against its target.", HelpName = "DIR" };
        var points = new Option<string>("--points") { Description = "Generated points (.csv/.txt/.npy, N×1 or N×2) to score against the --data target.", HelpName = "FILE" };
        var dataDir = new Option<string>("--data-dir") { Description = "Where the built-in set's files are (default: where a --checkpoint's run read them, else their standard place).", HelpName = "DIR" };
        var cacheDir = new Option<string>("--cache-dir") { Description = $"Classifier cache (default: ${ClassifierCache.DirectoryVariable}, else $XDG_CACHE_HOME/gansharp, else ~/.cache/gansharp).", HelpName = "DIR" };
        var epochs = new Option<int>("--classifier-epochs") { Description = "Epochs of the feature classifier when it must be trained.", DefaultValueFactory = _ => new FeatureClassifierOptions().Epochs };
        var shift = new Option<int>("--classifier-shift") { Description = $"Train the classifier on images moved by random whole-pixel shifts of up to this many pixels each way (0 … {FeatureClassifierOptions.MaxShift}).", HelpName = "PIXELS", DefaultValueFactory = _ => new FeatureClassifierOptions().Shift };
        var ensemble = new Option<int>("--classifier-ensemble") { Description = $"stacked-mnist: read each channel's digit with K classifiers trained alike from seeds --seed … --seed + K − 1, their probabilities averaged (1 … {DigitReader.MaxSize}).", HelpName = "K", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the classifier, the reference draw and the sampling noise.", DefaultValueFactory = _ => 0 };
        var features = new Option<string>("--features") { Description = "For a folder: the labelled set whose classifier supplies the features.", HelpName = "NAME", DefaultValueFactory = _ => "fashion-mnist" };
        var samples = new Option<string>("--samples") { Description = "Folder of generated pictures to score (e.g. written by `gansharp sample`): 28×28 grayscale, or any size with --resize.", HelpName = "DIR" };
        var resize = new Option<bool>("--resize") { Description = "With --samples: centre-crop, resize and convert pictures that are not 28×28 grayscale instead of refusing them." };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Generator to score: a checkpoint file, or a run folder (its latest checkpoint); 28×28 grayscale runs, or stacked-mnist and cartoon-faces runs (their modes are counted).", HelpName = "PATH" };
        var n = new Option<int>("--n") { Description = "Generated samples, and real reference samples, compared (stacked-mnist: default 26,000, VEEGAN's).", DefaultValueFactory = _ => new EvaluationOptions().SampleCount };
        var output = new Option<string>("--out") { Description = "Folder for eval.json (default: the --run folder, else runs/eval).", HelpName = "DIR" };
        var ownWeights = OwnWeightsOption.Create();

        var trainClassifier = new Command("train-classifier", "Train the feature classifier of a labelled dataset (or find it in the cache) and print its test accuracy.");
        foreach (var option in new Option[] { samples, data, dataDir, cacheDir, epochs, shift, seed }) trainClassifier.Options.Add(option);
        trainClassifier.SetAction(result => CommandErrors.Guard(console, () =>
        {
            using var evalData = EvaluationData.Open(RequiredData(result, data), result.GetValue(dataDir), result.GetValue(seed));
            if (!evalData.HasLabels)
            {
                console.MarkupLine($"[yellow]{Markup.Escape(FeatureClassifiers.UnlabelledMessage(evalData.Name))}[/]");
                return 1;
            }
            using var classifier = Classifier(console, evalData, ClassifierOptions(result, epochs, shift, seed), Cache(result, cacheDir));
            return 0;
        }));

        var command = new Command("eval", "Score a generator checkpoint on real images (FD, precision/recall, density/coverage, classifier score, class coverage), or a point run's samples (modes, KL, JSD), beside calibration rows.");
        foreach (var option in new Option[] { checkpoint, ownWeights, samples, resize, run, points, data, dataDir, n, output, cacheDir, epochs, shift, ensemble, seed, features }) command.Options.Add(option);
        command.Subcommands.Add(trainClassifier);
        command.SetAction(result => CommandErrors.Guard(console, () =>
        {
            int seedValue = result.GetValue(seed);
            if (result.GetValue(run) is not null || result.GetValue(points) is not null)
                return EvaluatePoints(console, result.GetValue(run), result.GetValue(points), result.GetValue(data), result.GetValue(output), seedValue);
            if (result.GetValue(checkpoint) is not null && result.GetValue(samples) is not null)
                throw new ArgumentException("Score either a --checkpoint or a folder of --samples, not both.");
            // Without --data a checkpoint is scored on the data it was trained on, read from the folder it was trained from.
            var trainedOn = result.GetValue(data) is null ? ModeEvaluation.SettingsOf(result.GetValue(checkpoint)) : null;
            if ((result.GetValue(data) ?? trainedOn?.Data) is { } modeData && ModeEvaluation.Applies(modeData))
                return ModeEvaluation.Run(console, modeData, result.GetValue(checkpoint), result.GetValue(ownWeights), result.GetValue(samples) is not null, result.GetValue(dataDir),
                    result.GetResult(n) is { Implicit: false } ? result.GetValue(n) : null, result.GetValue(output), Cache(result, cacheDir),
                    ClassifierOptions(result, epochs, shift, seed), result.GetValue(ensemble),
                    (evalData, memberOptions) => Classifier(console, evalData, memberOptions, Cache(result, cacheDir)));
            if (result.GetValue(ensemble) != 1)
                throw new ArgumentException($"--classifier-ensemble reads the digits of stacked-mnist; {result.GetValue(data) ?? trainedOn?.Data ?? "this data"} is scored by one feature classifier.");
            var options = new EvaluationOptions(SampleCount: result.GetValue(n), Seed: seedValue);
            ResourceBounds.EnsureMemory(2.0 * options.SampleCount * 28 * 28 * sizeof(float), $"--n {options.SampleCount}",
                "estimated as the generated and the real 28×28 pictures in four-byte floats");
            var cache = Cache(result, cacheDir);
            var classifierOptions = ClassifierOptions(result, epochs, shift, seed);
            // The inputs are checked first: a broken checkpoint or a folder of wrong pictures is reported before the classifier is trained (minutes).
            string dataName = trainedOn?.Data ?? RequiredData(result, data);
            string? dataDirectory = result.GetValue(dataDir) ?? trainedOn?.DataDir;
            string? checkpointPath = null;
            Func<long, Tensor>? generate = null;
            var sampleFolder = result.GetValue(samples) is { } folder ? EvaluationData.OpenSamples(folder, result.GetValue(resize)) : null;
            using var sampleImages = sampleFolder?.Dataset;
            if (sampleFolder is not null)
            {
                foreach (var skipped in sampleFolder.Skipped) console.MarkupLine($"[yellow]Skipped[/] {Markup.Escape(skipped.Path)}: {Markup.Escape(skipped.Reason)}");
                generate = GeneratorSamples.FromImages(sampleFolder.Dataset.Images, options.SampleCount);
                checkpointPath = result.GetValue(samples);
            }
            using var loaded = result.GetValue(checkpoint) is { } checkpointOrRun ? GeneratorCheckpoint.Load(checkpointOrRun, result.GetValue(ownWeights)) : null;
            using var noise = new RandomStream((ulong)RandomStreams.Seed(seedValue, RandomStreams.Noise));
            if (loaded is not null)
            {
                generate = loaded.EvaluationSampler(noise);
                checkpointPath = loaded.Path;
                console.MarkupLine($"Generator: [bold]{Markup.Escape(loaded.Path)}[/] (iteration {loaded.Iteration:N0}, {OwnWeightsOption.Describe(loaded.IsAverage)})");
            }
            using var evalData = EvaluationData.Open(dataName, dataDirectory, seedValue);
            bool classMetrics = evalData.HasLabels;
            TrainedClassifier classifier;
            if (classMetrics)
            {
                classifier = Classifier(console, evalData, classifierOptions, cache);
            }
            else
            {
                console.MarkupLine($"[yellow]{Markup.Escape(FeatureClassifiers.UnlabelledMessage(evalData.Name))}[/]");
                using var featureData = EvaluationData.Open(result.GetValue(features)!, null, seedValue);
                classifier = Classifier(console, featureData, classifierOptions, cache);
            }
            using (classifier)
            {
                var report = ImageEvaluation.Run(evalData.Name, classifier, evalData.Train.Images, evalData.Test.Images, generate, options,
                    classMetrics, checkpointPath, step => console.MarkupLine($"[grey]{Markup.Escape(step)}…[/]"));
                report = report with { Weights = loaded is null ? null : OwnWeightsOption.Key(loaded.IsAverage) };
                var path = EvaluationJson.Write(report, result.GetValue(output) ?? Path.Combine("runs", "eval"));
                EvalReportTable.Write(console, report);
                console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
                return 0;
            }
        }));
        return command;
    }

    private static string RequiredData(ParseResult result, Option<string> data) =>
        result.GetValue(data) ?? throw new ArgumentException("Option '--data' is required (fashion-mnist, mnist or a folder of pictures), unless --run, --points or a --checkpoint (scored on its own data) is given.");

    private static int EvaluatePoints(IAnsiConsole console, string? run, string? points, string? data, string? output, int seed)
    {
        if (run is not null && points is not null) throw new ArgumentException("Score either a --run folder or a --points file, not both.");
        ITargetDistribution target;
        Tensor generated;
        if (run is not null)
        {
            if (data is not null) throw new ArgumentException("--data is read from the run's config.json; leave it out with --run.");
            (target, generated) = RunFolder.ReadPoints(run);
        }
        else
        {
            if (data is null) throw new ArgumentException("--points needs the target: --data ring|grid|moons|mixture1d|gaussian1d|FILE.");
            target = RunData.ResolveTarget(data);
            generated = PointEvaluation.ReadPoints(points!);
        }
        using (generated)
        {
            var report = PointEvaluation.Run(target, generated, seed, run ?? points);
            var path = PointEvaluationJson.Write(report, output ?? run ?? Path.Combine("runs", "eval"));
            PointEvalTable.Write(console, report);
            console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
            return 0;
        }
    }

    private static ClassifierCache Cache(ParseResult result, Option<string> cacheDir) =>
        new(result.GetValue(cacheDir) is { } dir ? dir : ClassifierCache.DefaultDirectory());

    private static FeatureClassifierOptions ClassifierOptions(ParseResult result, Option<int> epochs, Option<int> shift, Option<int> seed) =>
        new FeatureClassifierOptions() with { Epochs = result.GetValue(epochs), Shift = result.GetValue(shift), Seed = result.GetValue(seed) };

    private static TrainedClassifier Classifier(IAnsiConsole console, EvaluationData data, FeatureClassifierOptions options, ClassifierCache cache)
    {
        var started = DateTime.UtcNow;
        var classifier = FeatureClassifiers.GetOrTrain(data, options, cache, (epoch, loss) =>
            console.MarkupLine($"[grey]classifier epoch {epoch}/{options.Epochs}: loss {loss:F4} ({(DateTime.UtcNow - started).TotalSeconds:F0} s)[/]"));
        var source = classifier.FromCache ? "cached" : $"trained in {(DateTime.UtcNow - started).TotalSeconds:F0} s";
        console.MarkupLine($"Feature classifier for [bold]{Markup.Escape(data.Name)}[/] ({source}): test accuracy [bold]{classifier.Record.TestAccuracy:P2}[/] on {classifier.Record.TestCount:N0} images");
        console.MarkupLine($"[grey]{Markup.Escape(cache.WeightsPath(classifier.Key))}[/]");
        return classifier;
    }
}
