using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Metrics;
using GanSharp.Objectives;
using GanSharp.Runs;
using GanSharp.Runtime;
using GanSharp.Theory;
using GanSharp.Visualization;
using static TorchSharp.torch;

namespace GanSharp.Lab;

/// <summary>
/// Training thread only: turns the state of a point run into the page's compact JSON. The setup (once per run): the data's region and
/// real points, the names of the settings. A frame: G(z) on a fixed preview noise, D(x) on a grid, G's gradient arrows −∂L_G/∂x,
/// G's manifold (a lattice in z mapped through G), D* = p_data / (p_data + p_G) where the target's density is known, and the numbers
/// of the curves. All tensor work stays on the thread that trains (docs/known-issues.md).
/// </summary>
internal sealed class FrameBuilder : IDisposable
{
    /// <summary>Generated points in a frame (also the sample of the mode metrics, of V̂ and of p_G's density estimate).</summary>
    public const int FakePoints = 400;

    /// <summary>Real points of the setup.</summary>
    public const int RealPoints = 1000;

    /// <summary>Cells per side of the 2D grid of D(x) and D*(x) (the page scales it up smoothly).</summary>
    public const int GridSize = 22;

    /// <summary>Points of the 1D curves.</summary>
    public const int CurvePoints = 240;

    /// <summary>Generated points that carry a gradient arrow.</summary>
    public const int ArrowPoints = 80;

    /// <summary>Lines of the z lattice each way (2D latent), or points of the z line (1D latent).</summary>
    public const int ManifoldLines = 13;

    /// <summary>Draws of each distribution in the Monte Carlo JSD(p_data, p̂_G).</summary>
    public const int JensenShannonDraws = 256;

    /// <summary>Generated points the density estimate p̂_G is built on.</summary>
    public const int DensityPoints = 300;

    /// <summary>Real points V̂ is measured on (with all the generated points of the frame).</summary>
    public const int ValuePoints = 256;

    /// <summary>Shortest time between two computations of the numbers (V̂, the JSD D claims, the mode metrics) while training runs.</summary>
    public static readonly TimeSpan NumbersInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Shortest time between two computations of the density layer (D*, the JSD, p̂_G) while training runs.</summary>
    public static readonly TimeSpan TheoryInterval = TimeSpan.FromSeconds(1);

    private readonly ITargetDistribution _target;
    private readonly int _dimension;
    private readonly float[] _real;           // [n·d]
    private readonly PlotRegion _region;
    private readonly Tensor _grid;            // 2D: [G², 2] cell centres, row 0 at the top; 1D: [C, 1]
    private readonly Tensor? _logPData;       // log p_data on _grid, float64; null without a known density
    private readonly Tensor _realTensor;      // [n, d]
    private readonly RandomStream _jsdStream;
    private readonly Tensor _valuePoints;     // [ValuePoints, d]
    private readonly float[]? _pData;         // 1D: p_data on the curve's x (exact, or a KDE of the real points)
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly System.Diagnostics.Stopwatch _theoryAge = new();
    private readonly System.Diagnostics.Stopwatch _numbersAge = new();
    private Theory? _theory;
    private Numbers? _numbers;
    private PreviewNoise? _noise;

    /// <summary>The density layer as last computed.</summary>
    private sealed record Theory(float[]? DStar, double? Jsd, float[]? PG);

    /// <summary>The numbers as last computed: V̂ and, on a target with modes, the mode metrics.</summary>
    private sealed record Numbers(double Value, ModeReport? Modes);

    /// <param name="run">A run on points.</param>
    /// <param name="runId">Tells the page when a new run (a reset, another target) has replaced the one it shows.</param>
    public FrameBuilder(GanRun run, int runId)
    {
        RunId = runId;
        _target = run.Data.Target ?? throw new ArgumentException("The lab shows runs on points, not on images.", nameof(run));
        _dimension = _target.Dimension;
        using var scope = NewDisposeScope();
        // The same real points as the run's PNG frames (PointFrames): the preview seed's data stream.
        using var realStream = new RandomStream((ulong)RandomStreams.Seed(RandomStreams.Seed(run.Options.Seed, RandomStreams.Preview), RandomStreams.Data));
        var real = _target.Sample(RealPoints, realStream).to_type(float32).contiguous();
        _real = real.data<float>().ToArray();
        var xs = Coordinate(_real, _dimension, 0);
        _region = _dimension == 2 ? PlotRegion.Around(xs, Coordinate(_real, 2, 1)) : PlotRegion.Around(xs, xs);
        _grid = (_dimension == 2 ? GridPoints() : CurveXs()).DetachFromDisposeScope();
        _logPData = _target.HasDensity ? _target.LogDensity(_grid.to_type(float64)).DetachFromDisposeScope() : null;
        _realTensor = real.DetachFromDisposeScope();
        _valuePoints = _realTensor.narrow(0, 0, ValuePoints).DetachFromDisposeScope();
        if (_dimension == 1)
            _pData = (_logPData is not null ? _logPData.exp()
                : new KernelDensityEstimate("p_data", _realTensor, KernelDensityEstimate.SilvermanBandwidth(xs)).LogDensity(_grid.to_type(float64)).exp())
                .to_type(float32).data<float>().ToArray();
        _jsdStream = new RandomStream((ulong)RandomStreams.Seed(run.Options.Seed, RandomStreams.Evaluation));
    }

    /// <summary>Which run of the session this is.</summary>
    public int RunId { get; }

    /// <summary>The setup of the run: what does not change while it trains.</summary>
    public byte[] Setup(GanRun run)
    {
        var w = Begin();
        w.WriteStartObject();
        w.WriteNumber("run", RunId);
        w.WriteString("data", _target.Name);
        w.WriteNumber("dimension", _dimension);
        w.WriteBoolean("has_density", _target.HasDensity);
        w.WriteNumber("iterations", run.TotalIterations);
        w.WriteString("output", run.Directory);
        w.WriteStartArray("region");
        foreach (var v in new[] { _region.XMin, _region.XMax, _region.YMin, _region.YMax }) w.WriteNumberValue(Math.Round(v, 4));
        w.WriteEndArray();
        w.WriteNumber("grid", GridSize);
        Floats(w, "real", _real);
        if (_dimension == 1) Floats(w, "curve_x", _grid.data<float>().ToArray());
        w.WriteStartObject("names");
        Names(w, "objective", LabSettings.ObjectiveNames);
        Names(w, "prior", LabSettings.PriorNames);
        Names(w, "data", TargetDistributions.Names);
        w.WriteEndObject();
        Names(w, "live", GanRun.LiveKeys.Append("data").ToArray());
        w.WriteEndObject();
        return End(w);
    }

    /// <summary>A frame of the run as it is now; <paramref name="header"/> writes the page's state (iteration, play or pause, messages) first.</summary>
    /// <param name="run">The run.</param>
    /// <param name="header">Writes the page's state.</param>
    /// <param name="fresh">Recompute the numbers and the density layer now (a paused run, where each frame follows a command), not only every <see cref="NumbersInterval"/> and <see cref="TheoryInterval"/>.</param>
    /// <remarks>
    /// A frame has to be cheap: while training runs, the page asks for one every 40 ms from the thread that trains, and frames may take
    /// 8% of it (LabObserver.FrameShare). So a frame computes only what moves on the screen, on few points: G once (the preview noise and the manifold's lattice
    /// in one batch), D on the grid, and D's gradient on the arrows' points; the numbers (V̂, modes) are recomputed every
    /// <see cref="NumbersInterval"/>, the density layer every <see cref="TheoryInterval"/>, and arrays travel as base-64 float32, not as
    /// decimal text.
    /// </remarks>
    public byte[] Frame(GanRun run, Action<Utf8JsonWriter> header, bool fresh)
    {
        using var scope = NewDisposeScope();
        var trainer = run.Trainer;
        var (fake, lattice) = Generate(trainer, run.Options);                   // [n, d], [L·L or L, d]
        var w = Begin();
        w.WriteStartObject();
        w.WriteNumber("run", RunId);
        header(w);
        Floats(w, "fake", fake);

        Floats(w, "d", Logits(trainer, Copies(_grid, trainer.Options.Pack)).sigmoid());

        // G's gradient arrows −∂L_G/∂x (L_G summed over the points, so each arrow is its own point's).
        var arrows = Push(trainer, fake.narrow(0, 0, ArrowPoints));
        float scale = arrows.abs().max().item<float>();
        w.WriteNumber("arrow_scale", Finite(scale));
        Floats(w, "arrows", scale > 0 && float.IsFinite(scale) ? arrows / scale : zeros_like(arrows));
        if (lattice is not null) Floats(w, "manifold", lattice);

        if (fresh || _numbers is null || _numbersAge.Elapsed >= NumbersInterval) UpdateNumbers(trainer, fake);
        if (fresh || _theory is null || _theoryAge.Elapsed >= TheoryInterval) UpdateTheory(fake);
        w.WriteStartObject("stats");
        Number(w, "value", _numbers!.Value);
        Number(w, "jsd_from_d", OptimalDiscriminator.JensenShannonFromValue(_numbers.Value));
        if (_numbers.Modes is { } modes)
        {
            w.WriteNumber("modes", modes.ModesCaptured);
            w.WriteNumber("modes_total", modes.ModesTotal);
            w.WriteNumber("mode_samples", FakePoints);
            Number(w, "high_quality", modes.HighQualityFraction);
        }
        if (_theory?.Jsd is { } jsd) Number(w, "jsd", jsd);
        w.WriteEndObject();
        if (_theory?.DStar is { } dStar) Floats(w, "dstar", dStar);
        if (_theory?.PG is { } pG) Floats(w, "p_g", pG);
        if (_pData is not null) Floats(w, "p_data", _pData);
        w.WriteEndObject();
        return End(w);
    }

    /// <summary>
    /// V̂ = mean log D(x) + mean log(1 − D(G(z))) with the current D on <see cref="ValuePoints"/> real and the frame's generated points
    /// (the JSD it estimates, (V̂ + log 4)/2, is exact at D = D*: Goodfellow et al. 2014, Theorem 1), and the mode metrics of the
    /// generated points on a target with modes.
    /// </summary>
    private void UpdateNumbers(GanTrainer trainer, Tensor fake)
    {
        using var scope = NewDisposeScope();
        _numbersAge.Restart();
        int pack = trainer.Options.Pack;
        var reals = Packs(_valuePoints, pack);
        var logits = Logits(trainer, cat(new[] { reals, Packs(fake, pack) }));
        double value = GanLosses.Value(logits.narrow(0, 0, reals.shape[0]), logits.narrow(0, reals.shape[0], logits.shape[0] - reals.shape[0])).item<float>();
        _numbers = new Numbers(value, _target is IModalDistribution modal ? ModeMetrics.Compute(fake, modal) : null);
    }

    /// <summary>
    /// G, as it samples (<see cref="GanTrainer.SamplingGenerator"/>), in one batch on the fixed preview noise (<see cref="FakePoints"/>
    /// of them, the same z as <see cref="GanRun.SamplePreview"/>) and on the manifold's lattice in z: the first two coordinates over the
    /// prior's bulk (±2 for N(0, I), ±1 for U(−1, 1)), the others 0. The lattice is null where it is not drawn (a 1D target with a
    /// latent space of more than one dimension).
    /// </summary>
    private (Tensor Fake, Tensor? Lattice) Generate(GanTrainer trainer, RunOptions options)
    {
        if (_noise is null || _noise.Prior != options.Prior || _noise.LatentDim != options.LatentDim)
        {
            _noise?.Z.Dispose();
            using var scope = NewDisposeScope();
            using var preview = new RandomStream((ulong)RandomStreams.Seed(options.Seed, RandomStreams.Preview));
            var z = PriorSampler.Sample(options.Prior, FakePoints, options.LatentDim, preview);
            if (_dimension == 2 || options.LatentDim == 1) z = cat(new[] { z, Lattice(options) });
            _noise = new PreviewNoise(options.Prior, options.LatentDim, z.DetachFromDisposeScope());
        }
        using var _ = no_grad();
        var generator = trainer.SamplingGenerator;
        bool wasTraining = generator.training;
        generator.eval();
        var x = generator.forward(_noise.Z.to(trainer.Device)).cpu();
        if (wasTraining) generator.train();
        var fake = x.narrow(0, 0, FakePoints);
        return (fake, x.shape[0] > FakePoints ? x.narrow(0, FakePoints, x.shape[0] - FakePoints) : null);
    }

    /// <summary>The manifold's lattice in z: [L·L, latent] (L × L over the first two coordinates) or [L, 1] for a 1D latent space.</summary>
    private static Tensor Lattice(RunOptions options)
    {
        double reach = options.Prior == NoisePrior.Normal ? 2.0 : 1.0;
        var line = linspace(-reach, reach, ManifoldLines, dtype: float32);
        if (options.LatentDim == 1) return line.unsqueeze(1);
        var mesh = meshgrid(new[] { line, line }, indexing: "ij");
        var z = zeros(ManifoldLines * ManifoldLines, options.LatentDim);
        z[TensorIndex.Colon, 0] = mesh[0].flatten();
        z[TensorIndex.Colon, 1] = mesh[1].flatten();
        return z;
    }

    /// <summary>The frame's noise (preview z, then the lattice), kept while the prior and the latent dimension stay.</summary>
    private sealed record PreviewNoise(NoisePrior Prior, int LatentDim, Tensor Z);

    /// <summary>−∂L_G/∂x at each of <paramref name="points"/> ([m, d]) under the run's current objective; [m, d].</summary>
    private static Tensor Push(GanTrainer trainer, Tensor points)
    {
        var x = points.detach().clone().to(trainer.Device).requires_grad_(true);
        bool wasTraining = trainer.Discriminator.training;
        trainer.Discriminator.eval();
        try
        {
            var loss = ObjectiveLosses.GeneratorLoss(trainer.Options.Objective, trainer.Discriminator.forward(Copies(x, trainer.Options.Pack))) * x.shape[0];
            return (-autograd.grad(new[] { loss }, new[] { x })[0]).detach().cpu();
        }
        finally
        {
            if (wasTraining) trainer.Discriminator.train();
        }
    }

    /// <summary>
    /// The layer that needs p_G's density, estimated from <see cref="DensityPoints"/> of the generated points: D* = p_data / (p_data + p_G)
    /// on the grid and JSD(p_data, p̂_G) (Monte Carlo), where p_data is known; p̂_G's curve in 1D. Dearer than the rest of a frame, so
    /// recomputed at most every <see cref="TheoryInterval"/> and shown from the last computation in between.
    /// </summary>
    private void UpdateTheory(Tensor fake)
    {
        using var scope = NewDisposeScope();
        _theoryAge.Restart();
        var centres = fake.narrow(0, 0, DensityPoints);
        KernelDensityEstimate pG;
        try
        {
            pG = _dimension == 1
                ? new KernelDensityEstimate("p_G", centres, KernelDensityEstimate.SilvermanBandwidth(centres.to_type(float64).data<double>().ToArray()))
                : new KernelDensityEstimate("p_G", centres);
        }
        catch (ArgumentException)
        {
            // G has collapsed to one point: p_G has no density to estimate.
            _theory = new Theory(null, null, null);
            return;
        }
        var logPG = pG.LogDensity(_grid.to_type(float64));
        _theory = new Theory(
            _logPData is null ? null : OptimalDiscriminator.Probability(_logPData, logPG).to_type(float32).data<float>().ToArray(),
            _target.HasDensity ? JensenShannon.MonteCarlo(_target, pG, JensenShannonDraws, _jsdStream).Value : null,
            _dimension == 1 ? logPG.exp().to_type(float32).data<float>().ToArray() : null);
    }

    /// <summary>
    /// D's input for single points [n, d] when D judges packs of <paramref name="pack"/> (PacGAN, Lin et al. 2018): each point as a pack of
    /// copies of itself, [n, pack·d], as <see cref="GanTrainer.DiscriminatorProbability"/> does, so that D(x) on the grid and the arrows are
    /// those of one point.
    /// </summary>
    private static Tensor Copies(Tensor x, int pack) => pack > 1 ? x.repeat(1, pack) : x;

    /// <summary>Points [n, d] as the packs D judges in training: consecutive points together, [⌊n / pack⌋, pack·d].</summary>
    private static Tensor Packs(Tensor x, int pack) => pack > 1 ? x.narrow(0, 0, x.shape[0] / pack * pack).reshape(x.shape[0] / pack, pack * x.shape[1]) : x;

    private static Tensor Logits(GanTrainer trainer, Tensor x)
    {
        using var _ = no_grad();
        bool wasTraining = trainer.Discriminator.training;
        trainer.Discriminator.eval();
        var logits = trainer.Discriminator.forward(x.to(trainer.Device)).cpu();
        if (wasTraining) trainer.Discriminator.train();
        return logits;
    }

    /// <summary>Centres of the G × G cells over the region, row by row from the top (y = YMax) and left to right; [G², 2].</summary>
    private Tensor GridPoints()
    {
        double dx = (_region.XMax - _region.XMin) / GridSize, dy = (_region.YMax - _region.YMin) / GridSize;
        var xs = linspace(_region.XMin + dx / 2, _region.XMax - dx / 2, GridSize, dtype: float32);
        var ys = linspace(_region.YMax - dy / 2, _region.YMin + dy / 2, GridSize, dtype: float32);
        var mesh = meshgrid(new[] { ys, xs }, indexing: "ij");
        return stack(new[] { mesh[1].flatten(), mesh[0].flatten() }, 1).contiguous();
    }

    private Tensor CurveXs() => linspace(_region.XMin, _region.XMax, CurvePoints, dtype: float32).unsqueeze(1).contiguous();

    /// <summary>Coordinate <paramref name="j"/> of points stored row by row with <paramref name="d"/> coordinates each.</summary>
    private static double[] Coordinate(float[] points, int d, int j) => Enumerable.Range(0, points.Length / d).Select(i => (double)points[i * d + j]).ToArray();

    private Utf8JsonWriter Begin()
    {
        _buffer.ResetWrittenCount();
        return new Utf8JsonWriter(_buffer);
    }

    private byte[] End(Utf8JsonWriter w)
    {
        w.Flush();
        w.Dispose();
        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A float array as base-64 of its float32 bytes, little-endian (what the page's <c>Float32Array</c> reads on every machine that
    /// runs a browser): a sixth of the decimal text's cost to write, and no rounding.
    /// </summary>
    private static void Floats(Utf8JsonWriter w, string name, ReadOnlySpan<float> values) => w.WriteBase64String(name, MemoryMarshal.AsBytes(values));

    private static void Floats(Utf8JsonWriter w, string name, Tensor values) => Floats(w, name, values.to_type(float32).contiguous().data<float>().ToArray());

    private static void Names(Utf8JsonWriter w, string name, IReadOnlyList<string> names)
    {
        w.WriteStartArray(name);
        foreach (var n in names) w.WriteStringValue(n);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 5));
        else w.WriteNull(name);
    }

    private static float Finite(float v) => float.IsFinite(v) ? v : 0f;

    /// <inheritdoc />
    public void Dispose()
    {
        _grid.Dispose();
        _logPData?.Dispose();
        _realTensor.Dispose();
        _valuePoints.Dispose();
        _noise?.Z.Dispose();
        _jsdStream.Dispose();
    }
}
