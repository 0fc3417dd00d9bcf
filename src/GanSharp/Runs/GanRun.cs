using System.Diagnostics;
using System.Text.Json.Nodes;
using GanSharp.Baselines;
using GanSharp.Checkpoints;
using GanSharp.Data;
using GanSharp.Gan;
using GanSharp.Metrics;
using GanSharp.Models;
using GanSharp.Runtime;
using static TorchSharp.torch;

namespace GanSharp.Runs;

/// <summary>
/// One GAN run, whatever it trains on: opens the data, builds G and D, and drives <see cref="GanTrainer"/> (Algorithm 1) for
/// <see cref="TotalIterations"/>, while its observers write what differs by data kind (frames and mode metrics for points,
/// sample grids, TensorBoard and FD for images; checkpoints, metrics.json and curves.png for both).
/// A run stopped by cancellation or killed continues from its latest checkpoint with <see cref="Resume"/>, to the same numbers.
/// </summary>
/// <remarks>Nothing is written to the console: progress reaches the caller through the events.</remarks>
public sealed class GanRun : IDisposable
{
    /// <summary>Name of the configuration file in a run folder.</summary>
    public const string ConfigFileName = "config.json";

    private readonly IBatchSource _source;
    private readonly IGenerativeTrainer _trainer;
    private readonly List<IRunObserver> _observers = new();
    private readonly Stopwatch _clock = new();
    private int _startIteration;

    private GanRun(RunOptions options, RunData data, string? directory, bool chooseThreads)
    {
        Data = data;
        Directory = directory;
        RunMemory.EnsureTrainingFits(options, data.SampleShape);
        // An epoch is a pass over the data: with k D steps, an iteration reads k minibatches.
        long epochLength = data.Dataset is { } dataset ? Math.Max(1, dataset.Count / options.BatchSize / options.K) : 0;
        if (options.Model == ModelKind.Gmm) epochLength = 1;   // one EM step reads every image
        if (data.Dataset is { } images && images.Count < options.BatchSize && options.Model != ModelKind.Gmm)
            throw new ArgumentException($"Batch size {options.BatchSize} exceeds the {images.Count} images of {images.Description}.");
        TotalIterations = data.Kind == DataKind.Points
            ? options.Iterations ?? 0
            : (int)Math.Min(Math.Min(epochLength * (options.Epochs ?? 1), int.MaxValue), options.Iterations ?? int.MaxValue);
        var device = ResolveDevice(options.Device);

        manual_seed(RandomStreams.Seed(options.Seed, RandomStreams.Weights));
        if (BaselineModels.IsBaseline(options.Model))
        {
            if (options.Threads > 0) ThreadPolicy.SetThreads(options.Threads);
            Options = options;
            _source = data.CreateSource(RandomStreams.Seed(options.Seed, RandomStreams.Data));
            _trainer = CreateBaseline(options, data, _source, device);
            History = new RunHistory(TotalIterations);
            return;
        }
        var (generator, discriminator) = RunModels.Create(options, data.SampleShape);
        if (options.Threads == 0 && chooseThreads) options = options with { Threads = RunModels.RecommendedThreads(generator, discriminator, options.BatchSize) };
        if (options.Threads > 0) ThreadPolicy.SetThreads(options.Threads);
        Options = options;
        _source = data.CreateSource(RandomStreams.Seed(options.Seed, RandomStreams.Data));
        // The average's copy of G is built after D, so that G's and D's initial weights do not depend on whether there is one.
        var averagedGenerator = options.Ema is null ? null : RunModels.CreateGenerator(options, data.SampleShape);
        try
        {
            _trainer = new GanTrainer(generator, discriminator, _source, options.ToTrainingOptions(TotalIterations), device, averagedGenerator);
        }
        catch
        {
            averagedGenerator?.Dispose();
            generator.Dispose();
            discriminator.Dispose();
            _source.Dispose();
            throw;
        }
        History = new RunHistory(TotalIterations);
    }

    /// <summary>The run's settings (with the thread count chosen, where the run chose it; as changed by <see cref="ChangeSettings"/>).</summary>
    public RunOptions Options { get; private set; }

    /// <summary>The data.</summary>
    public RunData Data { get; }

    /// <summary>The run folder; null for a run that writes nothing (<see cref="InMemory"/>).</summary>
    public string? Directory { get; }

    /// <summary>Iterations the run does in all: <see cref="RunOptions.Iterations"/> on points; epochs × ⌊⌊N/m⌋/k⌋ on images, capped by <see cref="RunOptions.Iterations"/>.</summary>
    public int TotalIterations { get; }

    /// <summary>Algorithm 1 with G, D and their optimisers.</summary>
    /// <exception cref="InvalidOperationException">A run of a baseline model (<see cref="ModelTrainer"/> trains it).</exception>
    public GanTrainer Trainer => _trainer as GanTrainer
        ?? throw new InvalidOperationException($"A run of model {SettingNames.Name(Options.Model)} is not a GAN; its trainer is {nameof(ModelTrainer)}.");

    /// <summary>What the run trains: <see cref="Trainer"/> for a GAN, or a baseline's trainer (<see cref="IBaselineTrainer"/>).</summary>
    public IGenerativeTrainer ModelTrainer => _trainer;

    /// <summary>Iterations completed (after a resume, those of the checkpoint and since).</summary>
    public int Iteration => _trainer.Iteration;

    /// <summary>Images: the current epoch (1-based); null for points.</summary>
    public long? Epoch => _source switch
    {
        ImageBatchSource images => images.Epoch,
        StackedMnistBatchSource stacked => stacked.Epoch,
        _ => null,
    };

    /// <summary>The per-iteration numbers recorded for metrics.json and curves.png.</summary>
    public RunHistory History { get; }

    /// <summary>What the run does besides training, in the order it calls them.</summary>
    public IReadOnlyList<IRunObserver> Observers => _observers;

    /// <summary>The latest mode metrics of a run on a modal target; null before the first scoring or without modes.</summary>
    public ModeReport? LatestModes { get; private set; }

    /// <summary>Raised after every iteration.</summary>
    public event Action<RunProgress>? Progress;

    /// <summary>Raised after every scoring of the modes (points), with the iteration and the report.</summary>
    public event Action<int, ModeReport>? ModesScored;

    /// <summary>Raised with the path of each file an observer writes during training (sample grids, frames, checkpoints).</summary>
    public event Action<string>? FileWritten;

    /// <summary>Raised after each FD measurement with (iteration, FD, whether it is the best so far).</summary>
    public event Action<int, double, bool>? FdMeasured;

    /// <summary>
    /// Starts a new run in <paramref name="directory"/>: opens the data, builds the models and writes <c>config.json</c>. A folder that
    /// already holds a run is refused unless <paramref name="replace"/>, which deletes that run's outputs once everything else has been checked.
    /// </summary>
    /// <param name="options">The settings (<see cref="RunOptions.Resolve"/>).</param>
    /// <param name="directory">The run folder.</param>
    /// <param name="environment">What the run needs besides its settings (FD's classifier cache); null: the defaults.</param>
    /// <param name="chooseThreads">With <see cref="RunOptions.Threads"/> = 0, choose libtorch's thread count for these models (<see cref="ThreadPolicy"/>) and record it in config.json; false leaves the process's setting alone.</param>
    /// <param name="replace">Replace a run already in <paramref name="directory"/>.</param>
    /// <exception cref="ArgumentException">Invalid settings.</exception>
    /// <exception cref="IOException">The folder already holds a run and <paramref name="replace"/> is false.</exception>
    public static GanRun Start(RunOptions options, string directory, RunEnvironment? environment = null, bool chooseThreads = false, bool replace = false)
    {
        EnsureValid(options);
        // Everything is checked before the folder changes: a refused or failed start leaves it as it was.
        bool holdsRun = RunFolder.CheckNewRun(directory, options, replace);
        bool existed = System.IO.Directory.Exists(directory);
        bool wasEmpty = !existed || !System.IO.Directory.EnumerateFileSystemEntries(directory).Any();
        try
        {
            return Open(options, directory, environment, chooseThreads, beforeObservers: null,
                afterObservers: _ =>
                {
                    if (holdsRun) RunFolder.DeleteOutputs(directory, keepImageCache: options.Kind == DataKind.Images);
                    RunFolder.WriteMarker(directory, options.Kind);
                });
        }
        catch
        {
            if (wasEmpty) RunFolder.Discard(directory, removeFolder: !existed);
            throw;
        }
    }

    /// <summary>
    /// Continues the run in <paramref name="directory"/> from its latest checkpoint (from the start when it has none).
    /// <paramref name="requested"/> may lengthen the run or change how often it writes its outputs; anything else that differs is an error.
    /// </summary>
    /// <exception cref="FileNotFoundException">Not a run folder.</exception>
    /// <exception cref="ArgumentException">The requested settings conflict with the run's.</exception>
    /// <exception cref="InvalidDataException">The checkpoint is corrupt or was written for other settings.</exception>
    public static GanRun Resume(string directory, RunOptions? requested = null, RunEnvironment? environment = null)
    {
        var saved = RunFolder.ReadOptions(directory);
        RunFolder.CheckMarker(directory, saved);
        var options = requested ?? saved;
        var conflicts = saved.ConflictsWith(options);
        if (conflicts.Count > 0)
            throw new ArgumentException(
                $"Cannot resume {directory} with conflicting settings ({string.Join("; ", conflicts)}). " +
                "Leave these options out to continue the run as it was, or start a new run in another folder.");
        EnsureValid(options);
        var checkpoint = CheckpointStore.Latest(CheckpointStore.List(Path.Combine(directory, CheckpointStore.FolderName)));
        RunFolder.DeleteTemporaryFiles(directory);
        return Open(options, directory, environment, chooseThreads: false, beforeObservers: null,
            afterObservers: run =>
            {
                if (checkpoint is not null) run.RestoreFrom(checkpoint);
            });
    }

    /// <summary>Opens the data, builds the run and its observers, and writes config.json; on failure, releases what it opened.</summary>
    private static GanRun Open(RunOptions options, string directory, RunEnvironment? environment, bool chooseThreads,
        Action<GanRun>? beforeObservers, Action<GanRun>? afterObservers)
    {
        var data = RunData.Open(options, directory);
        GanRun? run = null;
        try
        {
            run = new GanRun(options, data, directory, chooseThreads);
            beforeObservers?.Invoke(run);
            System.IO.Directory.CreateDirectory(directory);
            run.AttachObservers(environment ?? RunEnvironment.Default());
            afterObservers?.Invoke(run);
            AtomicFile.WriteAllText(Path.Combine(directory, ConfigFileName), run.Options.ToJson());
            return run;
        }
        catch
        {
            if (run is not null) run.Dispose();
            else data.Dispose();
            throw;
        }
    }

    /// <summary>A run that writes no files and has no observers (the theory lab trains its GANs so): drive it with <see cref="Step"/> or <see cref="Run"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="data">The data (owned by the caller).</param>
    /// <param name="chooseThreads">As for <see cref="Start"/>.</param>
    public static GanRun InMemory(RunOptions options, RunData data, bool chooseThreads = false)
    {
        EnsureValid(options);
        return new GanRun(options, data, null, chooseThreads);
    }

    /// <summary>
    /// Trains until <see cref="TotalIterations"/> or cancellation, then lets every observer write its final outputs
    /// (a cancelled run writes them too, and its checkpoint to resume from).
    /// </summary>
    /// <exception cref="TrainingDivergedException">A loss became non-finite (metrics.json records the iteration; the last checkpoint stays valid).</exception>
    public RunResult Run(CancellationToken cancel = default)
    {
        _startIteration = _trainer.Iteration;
        _clock.Restart();
        foreach (var observer in _observers) observer.Started(this);
        var ending = RunEnding.Completed;
        try
        {
            while (_trainer.Iteration < TotalIterations)
            {
                if (cancel.IsCancellationRequested)
                {
                    ending = RunEnding.Cancelled;
                    break;
                }
                Step();
            }
        }
        catch (TrainingDivergedException e)
        {
            History.Record(e.Stats, force: true);
            Finish(RunEnding.Diverged);
            throw;
        }
        Finish(ending);
        return new RunResult(_trainer.Iteration, TotalIterations, ending, TotalSeconds, SamplesPerSecond(), LatestModes, Directory);
    }

    /// <summary>One iteration of Algorithm 1, then every observer; returns its numbers.</summary>
    public IterationStats Step()
    {
        var stats = _trainer.Step();
        History.Record(stats);
        foreach (var observer in _observers) observer.IterationCompleted(this, stats);
        Progress?.Invoke(new RunProgress(stats.Iteration, TotalIterations, Epoch, Options.Epochs, stats, SamplesPerSecond()));
        return stats;
    }

    /// <summary>Settings <see cref="ChangeSettings"/> may change while the run trains.</summary>
    public static readonly IReadOnlySet<string> LiveKeys = new HashSet<string> { "objective", "k", "batch_size", "prior", "lr_d", "lr_g" };

    /// <summary>
    /// Changes settings of <see cref="LiveKeys"/> from the next step on (snake_case keys and values, as in config.json), records each change in
    /// <see cref="History"/> and, for a run with a folder, rewrites config.json, so that the folder and its next checkpoint describe the run as it goes on.
    /// Returns the changes (none when every value was already the run's).
    /// </summary>
    /// <exception cref="ArgumentException">A key outside <see cref="LiveKeys"/>, or an invalid value; nothing changes.</exception>
    public IReadOnlyList<HistoryChange> ChangeSettings(JsonObject changes)
    {
        var fixedKeys = changes.Select(p => p.Key).Where(key => !LiveKeys.Contains(key)).ToArray();
        if (fixedKeys.Length > 0)
            throw new ArgumentException($"{string.Join(", ", fixedKeys)} cannot change while the run trains; these can: {string.Join(", ", LiveKeys)}.");
        var before = Options.ToSettings();
        var merged = Options.ToSettings();
        foreach (var (key, value) in changes) merged[key] = value?.DeepClone();
        var next = RunOptions.Resolve(merged);
        var after = next.ToSettings();
        var changed = LiveKeys.Where(key => !JsonNode.DeepEquals(before[key], after[key]))
            .Select(key => new HistoryChange(Iteration, key, before[key]?.ToJsonString(), after[key]?.ToJsonString()))
            .ToArray();
        if (changed.Length == 0) return changed;
        Trainer.ChangeOptions(next.ToTrainingOptions(TotalIterations));
        Options = next;
        foreach (var change in changed) History.RecordChange(change);
        if (Directory is not null) AtomicFile.WriteAllText(Path.Combine(Directory, ConfigFileName), Options.ToJson());
        return changed;
    }

    /// <summary>One update of D alone (<see cref="GanTrainer.StepDiscriminator"/>), recorded in <see cref="History"/>; returns D's loss.</summary>
    public double StepDiscriminator()
    {
        double loss = Trainer.StepDiscriminator();
        History.RecordChange(new HistoryChange(Iteration, HistoryChange.DiscriminatorStep));
        return loss;
    }

    /// <summary>One update of G alone (<see cref="GanTrainer.StepGenerator"/>), recorded in <see cref="History"/>; returns G's loss.</summary>
    public double StepGenerator()
    {
        double loss = Trainer.StepGenerator();
        History.RecordChange(new HistoryChange(Iteration, HistoryChange.GeneratorStep));
        return loss;
    }

    /// <summary>Adds an observer after the run's own (before <see cref="Run"/>): it is called after them at every event.</summary>
    public void Attach(IRunObserver observer) => _observers.Add(observer);

    /// <summary>G(z) for <paramref name="n"/> prior samples from the fixed preview stream (the same z at every call), on the CPU.</summary>
    public Tensor SamplePreview(long n)
    {
        using var preview = new RandomStream((ulong)RandomStreams.Seed(Options.Seed, RandomStreams.Preview));
        return _trainer.Sample(n, preview);
    }

    /// <summary>Writes a checkpoint of everything needed to continue exactly (settings, models, optimisers, random streams, observers) to <paramref name="path"/>, atomically.</summary>
    public void WriteCheckpoint(string path)
    {
        var state = new JsonObject();
        foreach (var observer in _observers)
            if (observer.SaveState() is { } observerState) state[observer.Name] = observerState;
        var history = History.SaveState();
        history["seconds"] = TotalSeconds;
        state[RunHistory.StateName] = history;
        if (_trainer is IBaselineTrainer baseline) CheckpointFile.Write(path, Options.ToJson(), state.ToJsonString(), Data.SampleShape, baseline);
        else CheckpointFile.Write(path, Options.ToJson(), state.ToJsonString(), Data.SampleShape, Trainer);
        FileWritten?.Invoke(path);
    }

    /// <summary>The observer of type <typeparamref name="T"/>, or null.</summary>
    public T? Observer<T>() where T : class, IRunObserver => _observers.OfType<T>().FirstOrDefault();

    /// <summary>For observers: reports a scoring of the modes.</summary>
    internal void ReportModes(int iteration, ModeReport modes)
    {
        LatestModes = modes;
        History.Annotate(iteration, modes);
        ModesScored?.Invoke(iteration, modes);
    }

    /// <summary>For observers: reports a file written during training.</summary>
    internal void ReportFile(string path) => FileWritten?.Invoke(path);

    /// <summary>For observers: reports an FD measurement.</summary>
    internal void ReportFd(int iteration, double fd, bool isBest) => FdMeasured?.Invoke(iteration, fd, isBest);

    /// <summary>Wall-clock seconds of the whole run so far, over every process that worked on it.</summary>
    public double TotalSeconds => History.EarlierSeconds + _clock.Elapsed.TotalSeconds;

    private void Finish(RunEnding ending)
    {
        foreach (var observer in _observers) observer.Stopping(this, ending);
        if (ending != RunEnding.Diverged) History.Close();
        foreach (var observer in _observers) observer.Finished(this, ending);
    }

    private void AttachObservers(RunEnvironment environment)
    {
        // Checkpoints come after the observers that record something at an iteration, so a checkpoint holds their records of it.
        var directory = Directory!;
        if (Data.Kind == DataKind.Points)
        {
            _observers.Add(new PointFrames(Data.Target!, Options, directory));
        }
        else
        {
            var tensorboard = new TensorBoardLog(directory);
            _observers.Add(tensorboard);
            _observers.Add(new SampleGrids(directory, Options.SampleEvery ?? 1, Options.SampleCount ?? 64, tensorboard));
            if (Options.EvalEvery > 0) _observers.Add(FdTracker.Open(Options, Data, environment, directory));
        }
        _observers.Add(new Checkpointing(directory, Options.CheckpointEvery, Options.Keep));
        _observers.Add(new CurvesPicture(directory));
        _observers.Add(new MetricsFile(directory));
    }

    private void RestoreFrom(string checkpoint)
    {
        CheckpointFile.ReadState(checkpoint);
        var stored = RunOptions.FromJson(CheckpointFile.ReadConfig(checkpoint), $"{checkpoint}: its entry {CheckpointFile.ConfigEntryName}");
        var conflicts = stored.ConflictsWith(Options);
        if (conflicts.Count > 0)
            throw new InvalidDataException($"{checkpoint} was written for other settings ({string.Join("; ", conflicts)}).");
        var state = _trainer is IBaselineTrainer baseline ? CheckpointFile.Restore(checkpoint, baseline) : CheckpointFile.Restore(checkpoint, Trainer);
        var observerStates = JsonNode.Parse(state.RunState ?? "{}") as JsonObject ?? new JsonObject();
        if (observerStates[RunHistory.StateName] is { } history) History.LoadState(history);
        foreach (var observer in _observers)
            if (observerStates[observer.Name] is { } observerState) observer.LoadState(observerState);
        LatestModes = Observer<PointFrames>()?.LatestModes;
    }

    private double SamplesPerSecond()
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        long samples = (long)(_trainer.Iteration - _startIteration) * Options.BatchSize * Options.K;
        return seconds > 0 ? samples / seconds : 0;
    }

    private static void EnsureValid(RunOptions options)
    {
        var problems = options.Validate().ToList();
        if (ResourceBounds.ThreadProblem(options.Threads) is { } threads) problems.Add(threads);
        if (problems.Count > 0) throw new ArgumentException("Invalid settings: " + string.Join(" ", problems));
    }

    private static IBaselineTrainer CreateBaseline(RunOptions options, RunData data, IBatchSource source, Device device)
    {
        try
        {
            return BaselineModels.Create(options, data, source, device);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static Device ResolveDevice(ComputeDevice device)
    {
        if (device == ComputeDevice.Cpu) return CPU;
        if (!cuda.is_available()) throw new ArgumentException("device 'cuda' was asked for, but CUDA is not available to this TorchSharp build; use --device cpu.");
        return CUDA;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var observer in _observers.OfType<IDisposable>()) observer.Dispose();
        _trainer.Dispose();
        _source.Dispose();
        if (Directory is not null) Data.Dispose();
    }
}
