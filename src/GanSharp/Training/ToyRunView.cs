using GanSharp.Distributions;
using GanSharp.Metrics;
using GanSharp.Theory;
using GanSharp.Visualization;
using static TorchSharp.torch;

namespace GanSharp.Training;

/// <summary>
/// How a toy run looks at its generator: a fixed preview noise batch (so frames differ only by training), fixed real points,
/// a fixed picture region, the mode metrics on the preview samples and the 1D/2D frame.
/// </summary>
internal sealed class ToyRunView
{
    private readonly ITargetDistribution _target;
    private readonly ToyRunConfig _config;
    private readonly string _framesDirectory;
    private readonly long _previewSeed;
    private readonly double[][] _real;          // [d][n] real preview points by coordinate
    private readonly PlotRegion _region;

    public ToyRunView(ITargetDistribution target, ToyRunConfig config, string framesDirectory)
    {
        _target = target;
        _config = config;
        _framesDirectory = framesDirectory;
        _previewSeed = RandomStreams.Seed(config.Seed, RandomStreams.Preview);
        using var realGenerator = new Generator((ulong)RandomStreams.Seed(_previewSeed, RandomStreams.Data));
        using var real = target.Sample(ToyRun.PreviewSamples, realGenerator);
        _real = Columns(ToArray(real));
        _region = target.Dimension == 2 ? PlotRegion.Around(_real[0], _real[1]) : PlotRegion.Around(_real[0], _real[0]);
    }

    /// <summary>The generator's preview samples at the last evaluation, [n, d].</summary>
    public float[,]? FinalSamples { get; private set; }

    /// <summary>Scores the modes on the preview samples and renders a frame when one is due.</summary>
    public ToyEvaluation Evaluate(GanTrainer trainer, bool final)
    {
        using var scope = NewDisposeScope();
        using var previewNoise = new Generator((ulong)_previewSeed);
        var samples = trainer.Sample(ToyRun.PreviewSamples, previewNoise);                  // [2500, d]
        var modes = _target is IModalDistribution modal ? ModeMetrics.Compute(samples, modal) : null;
        var values = ToArray(samples);
        FinalSamples = values;
        string? framePath = null;
        if (final || _config.FramesEvery > 0)
        {
            framePath = Path.Combine(_framesDirectory, $"iteration_{trainer.Iteration:D6}.png");
            string title = $"{_target.Name} · {SettingNames.Name(_config.Objective)} · iteration {trainer.Iteration:N0}"
                           + (modes is null ? "" : $" · {modes.ModesCaptured}/{modes.ModesTotal} modes");
            if (_target.Dimension == 2) Frame2DRenderer.Render(Frame2D(trainer, Columns(values), title), framePath);
            else Frame1DRenderer.Render(Frame1D(trainer, Columns(values)[0], title), framePath);
        }
        return new ToyEvaluation(trainer.Iteration, modes, framePath);
    }

    private Frame2D Frame2D(GanTrainer trainer, double[][] generated, string title)
    {
        int n = ToyRun.GridResolution;
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
        int shown = Math.Min(ToyRun.RealPointsShown, _real[0].Length);
        return new Frame2D(title, _real[0][..shown], _real[1][..shown], generated[0], generated[1], heat, _region);
    }

    private Frame1D Frame1D(GanTrainer trainer, double[] generated, string title)
    {
        var x = PlotRegion.Linspace(_region.XMin, _region.XMax, 4 * ToyRun.GridResolution);
        var xTensor = tensor(x.Select(v => (float)v).ToArray(), new long[] { x.Length, 1 });
        var d = trainer.DiscriminatorProbability(xTensor).to_type(float64).data<double>().ToArray();
        var pG = Density(generated, xTensor);
        double[] pData;
        double[]? dStar = null;
        if (_target.HasDensity)
        {
            pData = _target.LogDensity(xTensor.to_type(float64)).exp().data<double>().ToArray();
            dStar = pData.Select((p, i) => p + pG[i] > 0 ? p / (p + pG[i]) : double.NaN).ToArray();
        }
        else
        {
            pData = Density(_real[0], xTensor);
        }
        return new Frame1D(title, x, pData, _target.HasDensity, pG, d, dStar);
    }

    /// <summary>Kernel density estimate of 1D <paramref name="samples"/> at <paramref name="at"/> ([m, 1]), Silverman's bandwidth.</summary>
    private static double[] Density(double[] samples, Tensor at)
    {
        using var scope = NewDisposeScope();
        var centres = tensor(samples, new long[] { samples.Length, 1 });
        var kde = new KernelDensityEstimate("p_G", centres, KernelDensityEstimate.SilvermanBandwidth(samples));
        return kde.LogDensity(at.to_type(float64)).exp().data<double>().ToArray();
    }

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
