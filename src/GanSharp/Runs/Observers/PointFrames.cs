using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Metrics;
using GanSharp.Runtime;
using GanSharp.Theory;
using GanSharp.Visualization;
using static TorchSharp.torch;

namespace GanSharp.Runs;

/// <summary>
/// How a run on points looks at its generator: every <see cref="RunOptions.FramesEvery"/> iterations (and at the start and the end) it
/// scores the modes on a fixed preview noise batch and draws the frame (2D: real and generated points over D(x); 1D: p_data, p_G, D and D*);
/// at the end it writes <c>samples.csv</c> (the final preview samples) and <c>training.gif</c> (the frames).
/// </summary>
public sealed class PointFrames : IRunObserver
{
    /// <summary>Generated samples scored by the mode metrics, written to samples.csv and drawn in the frames.</summary>
    public const int PreviewSamples = ModeMetrics.StandardSampleCount;

    /// <summary>Real points drawn in each 2D frame.</summary>
    public const int RealPointsShown = 1000;

    /// <summary>Grid cells per side of the D(x) heat map (2D) or grid points of the curves (1D).</summary>
    public const int GridResolution = 120;

    private readonly ITargetDistribution _target;
    private readonly RunOptions _options;
    private readonly string _directory;
    private readonly string _framesDirectory;
    private readonly double[][] _real;          // [d][n] real preview points by coordinate
    private readonly PlotRegion _region;
    private List<(int Iteration, string Frame)> _frames = new();

    /// <param name="target">P_data.</param>
    /// <param name="options">The run's settings (seed, objective, how often to draw).</param>
    /// <param name="directory">The run folder.</param>
    public PointFrames(ITargetDistribution target, RunOptions options, string directory)
    {
        _target = target;
        _options = options;
        _directory = directory;
        _framesDirectory = Path.Combine(directory, "frames");
        var previewSeed = RandomStreams.Seed(options.Seed, RandomStreams.Preview);
        using var realStream = new RandomStream((ulong)RandomStreams.Seed(previewSeed, RandomStreams.Data));
        using var real = target.Sample(PreviewSamples, realStream);
        _real = Columns(ToArray(real));
        _region = target.Dimension == 2 ? PlotRegion.Around(_real[0], _real[1]) : PlotRegion.Around(_real[0], _real[0]);
    }

    /// <inheritdoc />
    public string Name => "point_frames";

    /// <summary>The mode metrics of the latest scoring; null before the first or for targets without modes.</summary>
    public ModeReport? LatestModes { get; private set; }

    /// <inheritdoc />
    public void Started(GanRun run)
    {
        Directory.CreateDirectory(_framesDirectory);
        if (run.Iteration == 0) Score(run, final: false);
    }

    /// <inheritdoc />
    public void IterationCompleted(GanRun run, IterationStats stats)
    {
        int every = _options.FramesEvery ?? 0;
        if (every > 0 && stats.Iteration % every == 0 && stats.Iteration < run.TotalIterations) Score(run, final: false);
    }

    /// <inheritdoc />
    public void Finished(GanRun run, RunEnding ending)
    {
        if (ending == RunEnding.Diverged) return;
        var samples = Score(run, final: true);
        WriteSamples(samples, Path.Combine(_directory, "samples.csv"));
        var frames = _frames.Select(f => Path.Combine(_framesDirectory, f.Frame)).Distinct().ToArray();
        AtomicFile.WriteVia(Path.Combine(_directory, "training.gif"), temp => GifWriter.Write(frames, temp));
    }

    /// <inheritdoc />
    public JsonNode? SaveState() => new JsonObject
    {
        ["frames"] = new JsonArray(_frames.Select(f => (JsonNode)new JsonObject { ["iteration"] = f.Iteration, ["frame"] = f.Frame }).ToArray()),
        ["latest_modes"] = LatestModes is null ? null : JsonSerializer.SerializeToNode(LatestModes),
    };

    /// <inheritdoc />
    public void LoadState(JsonNode state)
    {
        _frames = state["frames"]!.AsArray().Select(f => (f!["iteration"]!.GetValue<int>(), f["frame"]!.GetValue<string>())).ToList();
        LatestModes = state["latest_modes"]?.Deserialize<ModeReport>();
        // Frames a stopped process drew after this state belong to iterations the resumed run draws again.
        int last = _frames.Count == 0 ? -1 : _frames[^1].Iteration;
        var kept = _frames.Select(f => f.Frame).ToHashSet();
        if (Directory.Exists(_framesDirectory))
            foreach (var file in Directory.GetFiles(_framesDirectory, "iteration_*.png"))
                if (!kept.Contains(Path.GetFileName(file)) && FrameIteration(file) > last) File.Delete(file);
    }

    /// <summary>Scores the modes on the preview samples, draws the frame when one is due, and returns the samples [n, d].</summary>
    private float[,] Score(GanRun run, bool final)
    {
        using var scope = NewDisposeScope();
        var samples = run.SamplePreview(PreviewSamples);                  // [2500, d]
        var modes = _target is IModalDistribution modal ? ModeMetrics.Compute(samples, modal) : null;
        var values = ToArray(samples);
        if (modes is not null)
        {
            LatestModes = modes;
            run.ReportModes(run.Iteration, modes);
        }
        if (final || (_options.FramesEvery ?? 0) > 0)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"iteration_{run.Iteration:D6}.png");
            var path = Path.Combine(_framesDirectory, name);
            string title = string.Create(CultureInfo.InvariantCulture, $"{_target.Name} · {SettingNames.Name(run.Options.Objective)} · iteration {run.Iteration:N0}")
                           + (modes is null ? "" : string.Create(CultureInfo.InvariantCulture, $" · {modes.ModesCaptured}/{modes.ModesTotal} modes"));
            if (_target.Dimension == 2)
            {
                var frame = Frame2D(run.Trainer, Columns(values), title);
                AtomicFile.WriteVia(path, temp => Frame2DRenderer.Render(frame, temp));
            }
            else
            {
                var frame = Frame1D(run.Trainer, Columns(values)[0], title);
                AtomicFile.WriteVia(path, temp => Frame1DRenderer.Render(frame, temp));
            }
            if (_frames.Count == 0 || _frames[^1].Iteration != run.Iteration) _frames.Add((run.Iteration, name));
            run.ReportFile(path);
        }
        return values;
    }

    private Frame2D Frame2D(GanTrainer trainer, double[][] generated, string title)
    {
        int n = GridResolution;
        var xs = PlotRegion.Linspace(_region.XMin, _region.XMax, n);
        var ys = PlotRegion.Linspace(_region.YMax, _region.YMin, n);        // row 0 at the top
        var grid = new float[n * n * 2];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
            {
                grid[2 * (r * n + c)] = (float)xs[c];
                grid[2 * (r * n + c) + 1] = (float)ys[r];
            }
        var d = trainer.DiscriminatorProbability(tensor(grid, new long[] { n * n, 2 })).to_type(float64).data<double>().ToArray();
        var heat = new double[n, n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
                heat[r, c] = d[r * n + c];
        int shown = Math.Min(RealPointsShown, _real[0].Length);
        return new Frame2D(title, _real[0][..shown], _real[1][..shown], generated[0], generated[1], heat, _region);
    }

    private Frame1D Frame1D(GanTrainer trainer, double[] generated, string title)
    {
        var x = PlotRegion.Linspace(_region.XMin, _region.XMax, 4 * GridResolution);
        var xTensor = tensor(x.Select(v => (float)v).ToArray(), new long[] { x.Length, 1 });
        var d = trainer.DiscriminatorProbability(xTensor).to_type(float64).data<double>().ToArray();
        var logPG = LogDensity(generated, xTensor);
        double[] pData;
        double[]? dStar = null;
        if (_target.HasDensity)
        {
            var logPData = _target.LogDensity(xTensor.to_type(float64));
            pData = logPData.exp().data<double>().ToArray();
            dStar = OptimalDiscriminator.Probability(logPData, logPG).data<double>().ToArray();
        }
        else
        {
            pData = LogDensity(_real[0], xTensor).exp().data<double>().ToArray();
        }
        return new Frame1D(title, x, pData, _target.HasDensity, logPG.exp().data<double>().ToArray(), d, dStar);
    }

    /// <summary>log of the kernel density estimate of 1D <paramref name="samples"/> at <paramref name="at"/> ([m, 1]), Silverman's bandwidth; [m], float64.</summary>
    private static Tensor LogDensity(double[] samples, Tensor at)
    {
        var centres = tensor(samples, new long[] { samples.Length, 1 });
        var kde = new KernelDensityEstimate("p_G", centres, KernelDensityEstimate.SilvermanBandwidth(samples));
        return kde.LogDensity(at.to_type(float64));
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
        AtomicFile.WriteAllText(path, text.ToString());
    }

    private static int FrameIteration(string path) =>
        int.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan("iteration_".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;

    private static float[,] ToArray(Tensor points)
    {
        var flat = points.to_type(float32).contiguous().data<float>().ToArray();
        int n = (int)points.shape[0], d = (int)points.shape[1];
        var result = new float[n, d];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }

    private static double[][] Columns(float[,] points) =>
        Enumerable.Range(0, points.GetLength(1))
            .Select(j => Enumerable.Range(0, points.GetLength(0)).Select(i => (double)points[i, j]).ToArray())
            .ToArray();
}
