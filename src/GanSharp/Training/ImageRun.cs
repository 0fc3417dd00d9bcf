using System.Diagnostics;
using System.Globalization;
using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Visualization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanSharp.Training;

/// <summary>
/// An image GAN run in a folder: loads the data, builds G and D, and drives <see cref="GanTrainer"/> (Algorithm 1) while writing
/// fixed-noise sample grids (<c>samples/</c>), TensorBoard event files (<c>tensorboard/</c>), checkpoints (<c>checkpoints/</c>)
/// and <c>config.json</c>; with <see cref="ImageRunOptions.EvalEvery"/>, also FD in <c>metrics.json</c> and the best checkpoint by FD. A run stopped by cancellation or killed resumes from its latest checkpoint with <see cref="Resume"/>.
/// </summary>
public sealed class ImageRun : IDisposable
{
    /// <summary>Name of the configuration file in the run folder.</summary>
    public const string ConfigFileName = "config.json";

    private const string CacheFileName = "images.cache";
    private readonly ImageDataset _dataset;
    private readonly ImageBatchSource _source;
    private readonly GanTrainer _trainer;
    private readonly CheckpointStore _store;
    private readonly SummaryWriter _tensorboard;
    private readonly string _configJson;
    private readonly Stopwatch _clock = new();
    private int _startIteration;
    private int _lastCheckpointIteration = -1;
    private string? _lastGrid;
    private readonly TrainedClassifier? _fdClassifier;
    private readonly FdMonitor? _fdMonitor;
    private FdHistory _fdHistory = new();

    private ImageRun(ImageRunOptions options, string runDirectory, FdTracking? fdTracking)
    {
        Options = options;
        RunDirectory = runDirectory;
        Directory.CreateDirectory(runDirectory);
        var loaded = ImageDatasets.Open(options.Data, options.DataDir, options.ImageSize, options.Channels,
            ImageDatasets.IsBuiltIn(options.Data) ? null : Path.Combine(runDirectory, CacheFileName));
        _dataset = loaded.Dataset;
        Skipped = loaded.Skipped;
        DataFromCache = loaded.FromCache;
        var shape = _dataset.ImageShape;
        if (shape[0] != options.Channels || shape[1] != options.ImageSize || shape[2] != options.ImageSize)
            throw new InvalidDataException($"{_dataset.Description} has images [{string.Join(", ", shape)}] but the run expects [{options.Channels}, {options.ImageSize}, {options.ImageSize}].");
        if (_dataset.Count < options.BatchSize)
            throw new ArgumentException($"Batch size {options.BatchSize} exceeds the {_dataset.Count} images of {_dataset.Description}.");
        if (options.EvalEvery > 0)
        {
            try
            {
                (_fdClassifier, _fdMonitor) = OpenFdMonitor(fdTracking ?? FdTracking.Default());
            }
            catch
            {
                _dataset.Dispose();
                throw;
            }
        }

        long perEpoch = _dataset.Count / options.BatchSize;
        long total = perEpoch * options.Epochs;
        TotalIterations = (int)Math.Min(Math.Min(total, int.MaxValue), options.MaxIterations ?? int.MaxValue);

        _source = new ImageBatchSource(_dataset.Images, RandomStreams.Seed(options.Seed, RandomStreams.Data));
        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        var generator = options.ModelSpec.CreateGenerator();
        var discriminator = options.ModelSpec.CreateDiscriminator();
        _trainer = new GanTrainer(generator, discriminator, _source, options.ToTrainingOptions(TotalIterations));
        _store = new CheckpointStore(runDirectory, options.KeepCheckpoints);
        _configJson = options.ToJson();
        File.WriteAllText(Path.Combine(runDirectory, ConfigFileName), _configJson);
        _tensorboard = torch.utils.tensorboard.SummaryWriter(Path.Combine(runDirectory, "tensorboard"));
    }

    /// <summary>The run's configuration.</summary>
    public ImageRunOptions Options { get; }

    /// <summary>The run folder.</summary>
    public string RunDirectory { get; }

    /// <summary>Number of training images.</summary>
    public long ImageCount => _dataset.Count;

    /// <summary>Where the images came from.</summary>
    public string DataDescription => _dataset.Description;

    /// <summary>Files of an image folder that could not be read.</summary>
    public IReadOnlyList<SkippedImage> Skipped { get; }

    /// <summary>Whether a folder's decoded images came from the run's cache.</summary>
    public bool DataFromCache { get; }

    /// <summary>Iterations the run does in all: epochs × ⌊N/m⌋, capped by <see cref="ImageRunOptions.MaxIterations"/>.</summary>
    public int TotalIterations { get; }

    /// <summary>Iterations completed (after a resume, those of the checkpoint and since).</summary>
    public int Iteration => _trainer.Iteration;

    /// <summary>The trainer (G, D, optimisers).</summary>
    public GanTrainer Trainer => _trainer;

    /// <summary>Raised after every iteration.</summary>
    public event Action<ImageRunProgress>? Progress;

    /// <summary>Raised with the path of each sample grid written.</summary>
    public event Action<string>? SampleGridWritten;

    /// <summary>Raised after each FD measurement with (iteration, FD, whether it is the best so far).</summary>
    public event Action<int, double, bool>? FdMeasured;

    /// <summary>The lowest FD measured and its iteration; null without measurements.</summary>
    public (int Iteration, double Fd)? BestFd => _fdHistory.Best;

    /// <summary>The checkpoint of <see cref="BestFd"/> (never pruned).</summary>
    public string BestCheckpointPath => _store.BestPath;

    /// <summary>Raised with the path of each checkpoint written.</summary>
    public event Action<string>? CheckpointWritten;

    /// <summary>Starts a new run in <paramref name="runDirectory"/>, which must not hold checkpoints already.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="IOException">The folder already holds a run.</exception>
    /// <param name="options">The run's configuration.</param>
    /// <param name="runDirectory">The run folder.</param>
    /// <param name="fdTracking">Where FD finds its cached feature classifier when <see cref="ImageRunOptions.EvalEvery"/> is set (null: <see cref="FdTracking.Default"/>).</param>
    /// <exception cref="FileNotFoundException">FD is asked for but its feature classifier is not in the cache.</exception>
    public static ImageRun Start(ImageRunOptions options, string runDirectory, FdTracking? fdTracking = null)
    {
        options.EnsureValid();
        if (CheckpointStore.List(Path.Combine(runDirectory, "checkpoints")).Count > 0)
            throw new IOException($"{runDirectory} already holds a run with checkpoints: continue it with --resume {runDirectory}, or choose another output folder.");
        return new ImageRun(options, runDirectory, fdTracking);
    }

    /// <summary>The configuration saved in <paramref name="runDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">Not a run folder.</exception>
    public static ImageRunOptions ReadConfig(string runDirectory)
    {
        var path = Path.Combine(runDirectory, ConfigFileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{runDirectory} is not an image run folder: it has no {ConfigFileName}.", path);
        return ImageRunOptions.FromJson(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Continues the run in <paramref name="runDirectory"/> from its latest checkpoint (from the start when it has none).
    /// <paramref name="requested"/> may lengthen the run or change how often it samples and checkpoints; anything else that differs is an error.
    /// </summary>
    /// <exception cref="ArgumentException">The requested configuration conflicts with the run's.</exception>
    /// <exception cref="InvalidDataException">The checkpoint was written for another architecture or is corrupt.</exception>
    public static ImageRun Resume(string runDirectory, ImageRunOptions? requested = null, FdTracking? fdTracking = null)
    {
        var saved = ReadConfig(runDirectory);
        var options = requested ?? saved;
        var conflicts = saved.ConflictsWith(options);
        if (conflicts.Count > 0)
            throw new ArgumentException(
                $"Cannot resume {runDirectory} with a conflicting configuration ({string.Join("; ", conflicts)}). " +
                "Leave these options out to continue the run as it was, or start a new run in another folder.");
        options.EnsureValid();
        var checkpoint = CheckpointStore.List(Path.Combine(runDirectory, "checkpoints")).LastOrDefault();
        var run = new ImageRun(options, runDirectory, fdTracking);
        try
        {
            if (checkpoint is not null) run.RestoreFrom(checkpoint);
        }
        catch
        {
            run.Dispose();
            throw;
        }
        return run;
    }

    private void RestoreFrom(string checkpoint)
    {
        var stored = ImageRunOptions.FromJson(CheckpointFile.ReadConfig(checkpoint), checkpoint);
        if (stored.ModelSpec != Options.ModelSpec)
            throw new InvalidDataException($"{checkpoint} was written for {stored.ModelSpec}, but this run builds {Options.ModelSpec}.");
        CheckpointFile.Restore(checkpoint, _trainer);
        _lastCheckpointIteration = _trainer.Iteration;
        _fdHistory = FdHistory.Read(RunDirectory, _trainer.Iteration);
    }

    /// <summary>
    /// Trains until <see cref="TotalIterations"/> or cancellation, then writes a checkpoint and a last sample grid.
    /// </summary>
    /// <exception cref="TrainingDivergedException">A loss became non-finite (the last checkpoint stays valid).</exception>
    public ImageRunResult Run(CancellationToken cancel = default)
    {
        _startIteration = _trainer.Iteration;
        _clock.Restart();
        if (_trainer.Iteration == 0) WriteSampleGrid();
        _trainer.IterationCompleted += OnIteration;
        try
        {
            _trainer.Train(cancel);
        }
        finally
        {
            _trainer.IterationCompleted -= OnIteration;
        }
        if (_trainer.Iteration % Options.SampleEvery != 0 || _lastGrid is null) WriteSampleGrid();
        var checkpoint = _lastCheckpointIteration == _trainer.Iteration ? _store.PathFor(_trainer.Iteration) : WriteCheckpoint();
        return new ImageRunResult(_trainer.Iteration, _trainer.Iteration >= TotalIterations, checkpoint, _lastGrid, ImagesPerSecond());
    }

    /// <summary>Writes a checkpoint of the current state now and prunes old ones; returns its path.</summary>
    public string WriteCheckpoint()
    {
        Directory.CreateDirectory(_store.Directory);
        var path = _store.PathFor(_trainer.Iteration);
        CheckpointFile.Write(path, _configJson, _trainer);
        _store.Prune();
        _lastCheckpointIteration = _trainer.Iteration;
        CheckpointWritten?.Invoke(path);
        return path;
    }

    private void OnIteration(IterationStats stats)
    {
        int it = stats.Iteration;
        double rate = ImagesPerSecond();
        if (it % 10 == 0 || it == TotalIterations)
        {
            _tensorboard.add_scalar("loss/discriminator", (float)stats.DiscriminatorLoss, it);
            _tensorboard.add_scalar("loss/generator", (float)stats.GeneratorLoss, it);
            _tensorboard.add_scalar("D/real", (float)stats.MeanDReal, it);
            _tensorboard.add_scalar("D/fake", (float)stats.MeanDFake, it);
            _tensorboard.add_scalar("images_per_second", (float)rate, it);
        }
        if (it % Options.SampleEvery == 0) WriteSampleGrid();
        if (it % Options.CheckpointEvery == 0) WriteCheckpoint();
        if (_fdMonitor is not null && it % Options.EvalEvery == 0) MeasureFd(it);
        Progress?.Invoke(new ImageRunProgress(it, TotalIterations, _source.Epoch, Options.Epochs, stats, rate));
    }

    /// <summary>
    /// The feature classifier of the data (a folder: Fashion-MNIST's, as label-free features) from the cache, and a monitor
    /// against up to <see cref="FdTracking.SampleCount"/> training images.
    /// </summary>
    private (TrainedClassifier, FdMonitor) OpenFdMonitor(FdTracking tracking)
    {
        bool builtIn = ImageDatasets.IsBuiltIn(Options.Data);
        var classifier = FeatureClassifiers.Cached(builtIn ? Options.Data : ImageDatasets.FashionMnistName, builtIn ? Options.DataDir : null,
            tracking.Classifier, tracking.Cache);
        try
        {
            return (classifier, new FdMonitor(classifier, _dataset.Images, (int)Math.Min(tracking.SampleCount, _dataset.Count), Options.Seed));
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    private void MeasureFd(int iteration)
    {
        var (fd, _) = _fdMonitor!.Measure(iteration, (m, noise) => _trainer.Sample(m, noise));
        bool isBest = _fdHistory.Add(iteration, fd);
        _tensorboard.add_scalar("eval/fd", (float)fd, iteration);
        _fdHistory.Write(RunDirectory);
        if (isBest)
        {
            Directory.CreateDirectory(_store.Directory);
            CheckpointFile.Write(_store.BestPath, _configJson, _trainer);
        }
        FdMeasured?.Invoke(iteration, fd, isBest);
    }

    private double ImagesPerSecond()
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        long images = (long)(_trainer.Iteration - _startIteration) * Options.BatchSize * _trainer.Options.DiscriminatorSteps;
        return seconds > 0 ? images / seconds : 0;
    }

    private void WriteSampleGrid()
    {
        // The same z every time (the preview stream, re-seeded), so successive grids show G's evolution on fixed noise.
        using var preview = new Generator((ulong)RandomStreams.Seed(Options.Seed, RandomStreams.Preview));
        using var samples = _trainer.Sample(Options.SampleCount, preview);
        using var grid = ImageGrid.Compose(samples, (int)Math.Ceiling(Math.Sqrt(Options.SampleCount)));
        var path = Path.Combine(RunDirectory, "samples", $"iter-{_trainer.Iteration.ToString("D9", CultureInfo.InvariantCulture)}.png");
        PngImage.Write(path, grid);
        _tensorboard.add_img("samples", path, _trainer.Iteration);
        _lastGrid = path;
        SampleGridWritten?.Invoke(path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _trainer.Dispose();
        _trainer.Generator.Dispose();
        _trainer.Discriminator.Dispose();
        _source.Dispose();
        _dataset.Dispose();
        _fdMonitor?.Dispose();
        _fdClassifier?.Dispose();
    }
}
