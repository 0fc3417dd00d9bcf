using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GanSharp.Data;
using GanSharp.Distributions;
using GanSharp.Metrics;
using GanSharp.Models;
using GanSharp.Visualization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanSharp.Training;

/// <summary>
/// A complete GAN run on points: builds G and D, trains them with <see cref="GanTrainer"/>, scores the modes and
/// renders a frame every <see cref="ToyRunConfig.FramesEvery"/> iterations, and writes <c>config.json</c>,
/// <c>metrics.json</c>, <c>samples.csv</c>, <c>frames/*.png</c>, <c>training.gif</c> and <c>curves.png</c>.
/// </summary>
/// <remarks>Progress reaches the caller through <see cref="IterationCompleted"/> and <see cref="Evaluated"/>; nothing is written to the console.</remarks>
public sealed class ToyRun
{
    /// <summary>Generated samples scored by the mode metrics, written to samples.csv and drawn in the frames.</summary>
    public const int PreviewSamples = ModeMetrics.StandardSampleCount;

    /// <summary>Real points drawn in each 2D frame.</summary>
    public const int RealPointsShown = 1000;

    /// <summary>Grid cells per side of the D(x) heat map (2D) or grid points of the curves (1D).</summary>
    public const int GridResolution = 120;

    /// <summary>At most about this many per-iteration entries go into metrics.json's history.</summary>
    public const int HistoryBudget = 1000;

    // The iteration that diverged is recorded too, so non-finite numbers are written as "NaN"/"Infinity".
    private static readonly JsonSerializerOptions MetricsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    /// <param name="config">The settings; validated here.</param>
    /// <param name="outputDirectory">Where the files go (created if needed).</param>
    public ToyRun(ToyRunConfig config, string outputDirectory)
    {
        Config = config.EnsureValid();
        OutputDirectory = outputDirectory;
    }

    /// <summary>The settings.</summary>
    public ToyRunConfig Config { get; }

    /// <summary>Where the files go.</summary>
    public string OutputDirectory { get; }

    /// <summary>Record every this-many-th iteration in the history (so that it holds about <see cref="HistoryBudget"/> entries).</summary>
    public int HistoryStride => Math.Max(1, (Config.Iterations + HistoryBudget - 1) / HistoryBudget);

    /// <summary>Raised after every training iteration.</summary>
    public event Action<IterationStats>? IterationCompleted;

    /// <summary>Raised after every scoring (every <see cref="ToyRunConfig.FramesEvery"/> iterations and at the end).</summary>
    public event Action<ToyEvaluation>? Evaluated;

    /// <summary>Trains and writes every output. On cancellation, stops after the current iteration and still writes the outputs of what was done.</summary>
    /// <exception cref="TrainingDivergedException">A loss or gradient became non-finite (config.json and the history so far are written first).</exception>
    public ToyRunResult Run(CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(OutputDirectory);
        var framesDirectory = Path.Combine(OutputDirectory, "frames");
        if (Directory.Exists(framesDirectory))
            foreach (var old in Directory.GetFiles(framesDirectory, "iteration_*.png")) File.Delete(old);
        Directory.CreateDirectory(framesDirectory);
        File.WriteAllText(Path.Combine(OutputDirectory, "config.json"), Config.ToJson());

        var target = ToyTargets.Resolve(Config.Data);
        if (target.Dimension is not (1 or 2)) throw new ArgumentException($"Points must have 1 or 2 coordinates; '{Config.Data}' has {target.Dimension}.");
        var device = ResolveDevice(Config.Device);
        if (Config.Threads > 0) GanSharp.Runtime.ThreadPolicy.SetThreads(Config.Threads);

        manual_seed(RandomStreams.Seed(Config.Seed, RandomStreams.Weights));
        var sampleShape = new long[] { target.Dimension };
        using var generator = new MlpGenerator(Config.LatentDim, sampleShape, Config.GeneratorNetwork);
        using var discriminator = new MlpDiscriminator(sampleShape, Config.DiscriminatorNetwork);
        using var data = new DistributionBatchSource(target, RandomStreams.Seed(Config.Seed, RandomStreams.Data));
        using var trainer = new GanTrainer(generator, discriminator, data, Config.ToTrainingOptions(), device);
        var view = new ToyRunView(target, Config, framesDirectory);

        var history = new List<ToyHistoryPoint>();
        var evaluations = new List<ToyEvaluation>();
        void Evaluate(bool final)
        {
            var evaluation = view.Evaluate(trainer, final);
            evaluations.Add(evaluation);
            if (evaluation.Modes is { } m && history.Count > 0 && history[^1].Iteration == evaluation.Iteration)
                history[^1] = history[^1] with { ModesCaptured = m.ModesCaptured, HighQualityFraction = m.HighQualityFraction, ReverseKl = m.ReverseKl };
            Evaluated?.Invoke(evaluation);
        }

        Evaluate(final: false);
        bool cancelled = false;
        IterationStats? last = null;
        try
        {
            while (trainer.Iteration < Config.Iterations)
            {
                if (cancel.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
                ApplySchedule(trainer);
                var stats = trainer.Step();
                last = stats;
                bool scoreNow = Config.FramesEvery > 0 && stats.Iteration % Config.FramesEvery == 0 && stats.Iteration < Config.Iterations;
                if (stats.Iteration % HistoryStride == 0 || scoreNow || stats.Iteration == Config.Iterations)
                    history.Add(ToyHistoryPoint.From(stats));
                IterationCompleted?.Invoke(stats);
                if (scoreNow) Evaluate(final: false);
            }
        }
        catch (TrainingDivergedException e)
        {
            history.Add(ToyHistoryPoint.From(e.Stats));
            WriteMetrics(null, trainer.Iteration, clock.Elapsed.TotalSeconds, cancelled: false, history, divergedAt: e.Stats.Iteration);
            throw;
        }

        if (last is not null && (history.Count == 0 || history[^1].Iteration != last.Iteration))
            history.Add(ToyHistoryPoint.From(last));
        Evaluate(final: true);
        var finalModes = evaluations[^1].Modes;
        WriteSamples(view.FinalSamples!, Path.Combine(OutputDirectory, "samples.csv"));
        var frames = evaluations.Where(e => e.FramePath is not null).Select(e => e.FramePath!).Distinct().ToArray();
        GifWriter.Write(frames, Path.Combine(OutputDirectory, "training.gif"));
        TrainingCurvesRenderer.Render(Curves(history, evaluations), Path.Combine(OutputDirectory, "curves.png"));
        double seconds = clock.Elapsed.TotalSeconds;
        WriteMetrics(finalModes, trainer.Iteration, seconds, cancelled, history, divergedAt: null);

        var files = new List<string> { "config.json", "metrics.json", "samples.csv", "training.gif", "curves.png" };
        files.AddRange(frames.Select(f => Path.GetRelativePath(OutputDirectory, f)));
        return new ToyRunResult(Config, trainer.Iteration, seconds, cancelled, finalModes, history, OutputDirectory, files);
    }

    /// <summary>Sets both players' learning rates for the coming iteration (see <see cref="LearningRateSchedule"/>).</summary>
    private void ApplySchedule(GanTrainer trainer)
    {
        if (Config.LrSchedule == LearningRateSchedule.Constant) return;
        double factor = 1.0 - (double)trainer.Iteration / Config.Iterations;
        foreach (var group in trainer.DiscriminatorOptimizer.ParamGroups) group.LearningRate = Config.LrD * factor;
        foreach (var group in trainer.GeneratorOptimizer.ParamGroups) group.LearningRate = Config.LrG * factor;
    }

    private static Device ResolveDevice(ComputeDevice device)
    {
        if (device == ComputeDevice.Cpu) return CPU;
        if (!cuda.is_available()) throw new ArgumentException("device 'cuda' was asked for, but CUDA is not available to this TorchSharp build; use --device cpu.");
        return CUDA;
    }

    private void WriteMetrics(ModeReport? modes, int iterations, double seconds, bool cancelled, IReadOnlyList<ToyHistoryPoint> history, int? divergedAt)
    {
        var metrics = new
        {
            ModesCaptured = modes?.ModesCaptured,
            ModesTotal = modes?.ModesTotal,
            HighQualityFraction = modes?.HighQualityFraction,
            ReverseKl = modes?.ReverseKl,
            Iterations = iterations,
            Seconds = seconds,
            Cancelled = cancelled,
            DivergedAtIteration = divergedAt,
            HistoryStride,
            History = history,
        };
        File.WriteAllText(Path.Combine(OutputDirectory, "metrics.json"), JsonSerializer.Serialize(metrics, MetricsJson));
    }

    private static void WriteSamples(float[,] samples, string path)
    {
        var text = new StringBuilder(samples.GetLength(1) == 1 ? "x\n" : "x,y\n");
        for (int i = 0; i < samples.GetLength(0); i++)
        {
            for (int j = 0; j < samples.GetLength(1); j++)
            {
                if (j > 0) text.Append(',');
                text.Append(samples[i, j].ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        File.WriteAllText(path, text.ToString());
    }

    private static TrainingCurves Curves(IReadOnlyList<ToyHistoryPoint> history, IReadOnlyList<ToyEvaluation> evaluations)
    {
        var scored = evaluations.Where(e => e.Modes is not null && e.Iteration > 0).ToArray();
        return new TrainingCurves(
            history.Select(h => (double)h.Iteration).ToArray(),
            history.Select(h => h.DLoss).ToArray(),
            history.Select(h => h.GLoss).ToArray(),
            history.Select(h => h.Value).ToArray(),
            history.Select(h => h.MeanDReal).ToArray(),
            history.Select(h => h.MeanDFake).ToArray(),
            history.Select(h => h.GGradNorm).ToArray(),
            scored.Select(e => (double)e.Iteration).ToArray(),
            scored.Select(e => (double)e.Modes!.ModesCaptured / e.Modes.ModesTotal).ToArray(),
            scored.Select(e => e.Modes!.HighQualityFraction).ToArray());
    }
}
