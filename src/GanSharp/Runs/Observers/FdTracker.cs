using System.Text.Json;
using System.Text.Json.Nodes;
using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Evaluation;
using GanSharp.Gan;

namespace GanSharp.Runs;

/// <summary>
/// FD of G during an image run (<see cref="RunOptions.EvalEvery"/>): every N iterations, on the same noise, against up to 2,000 training
/// images in the cached feature classifier's space; the best G by FD is kept as <c>checkpoints/best.gsckpt</c> (never pruned).
/// </summary>
public sealed class FdTracker : IRunObserver, IDisposable
{
    private readonly int _every;
    private readonly string _bestPath;
    private readonly TrainedClassifier _classifier;
    private readonly FdMonitor _monitor;
    private List<FdPoint> _history = new();

    private FdTracker(int every, string bestPath, TrainedClassifier classifier, FdMonitor monitor)
    {
        _every = every;
        _bestPath = bestPath;
        _classifier = classifier;
        _monitor = monitor;
    }

    /// <inheritdoc />
    public string Name => "fd";

    /// <summary>The measurements, oldest first.</summary>
    public IReadOnlyList<FdPoint> History => _history;

    /// <summary>The lowest FD measured, or null before the first.</summary>
    public FdPoint? Best => _history.Count == 0 ? null : _history.MinBy(p => p.Fd);

    /// <summary>The best checkpoint by FD.</summary>
    public string BestPath => _bestPath;

    /// <summary>
    /// Opens the feature classifier of the data (a folder: Fashion-MNIST's, as label-free features) from the cache, and a monitor against
    /// up to <see cref="RunEnvironment.FdSampleCount"/> training images.
    /// </summary>
    /// <exception cref="FileNotFoundException">The feature classifier is not in the cache (<c>gansharp eval train-classifier</c> puts it there).</exception>
    public static FdTracker Open(RunOptions options, RunData data, RunEnvironment environment, string directory)
    {
        bool builtIn = ImageDatasets.IsBuiltIn(options.Data);
        var classifier = FeatureClassifiers.Cached(builtIn ? options.Data : ImageDatasets.FashionMnistName, builtIn ? options.DataDir : null,
            environment.Classifier, environment.Cache);
        try
        {
            var images = data.Dataset!;
            var monitor = new FdMonitor(classifier, images.Images, (int)Math.Min(environment.FdSampleCount, images.Count), options.Seed);
            return new FdTracker(options.EvalEvery ?? 0, new CheckpointStore(directory, 1).BestPath, classifier, monitor);
        }
        catch
        {
            classifier.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void IterationCompleted(GanRun run, IterationStats stats)
    {
        if (stats.Iteration % _every != 0) return;
        var (fd, _) = _monitor.Measure(stats.Iteration, (m, noise) => run.ModelTrainer.Sample(m, noise));
        bool isBest = Best is not { } best || fd < best.Fd;
        _history.Add(new FdPoint(stats.Iteration, fd));
        if (isBest) run.WriteCheckpoint(_bestPath);
        run.ReportFd(stats.Iteration, fd, isBest);
    }

    /// <inheritdoc />
    public JsonNode? SaveState() => JsonSerializer.SerializeToNode(_history, RunHistory.Json);

    /// <inheritdoc />
    public void LoadState(JsonNode state) => _history = state.Deserialize<List<FdPoint>>(RunHistory.Json) ?? new List<FdPoint>();

    /// <inheritdoc />
    public void Dispose()
    {
        _monitor.Dispose();
        _classifier.Dispose();
    }
}
