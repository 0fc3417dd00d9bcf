using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runs;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>Claim 9: at the end of training, is D flat at ½ (Goodfellow) or shaped by the data (LeCun)?</summary>
public sealed class EndOfTrainingExperiment : TheoryExperiment
{
    /// <inheritdoc />
    public override string Id => "end-of-training";

    /// <inheritdoc />
    public override int Number => 9;

    /// <inheritdoc />
    public override string Title => "The end of training: is D flat at ½?";

    /// <inheritdoc />
    public override string Claim => "At the end of training D is ½ everywhere (Goodfellow's picture, P_G = P_data) — or it keeps a shape that follows the data (LeCun's): measured on and off the data's support.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        int iterations = context.Size(800, 3000);
        var shape = context.Size(new MlpOptions(2, 64), new MlpOptions(2, 128));
        var table = new TheoryTable("data", "mean D on data samples", "std D on data samples", "mean D where G puts its samples", "mean D off both supports", "min / max D off both supports", "mean |D − D*_KDE| on the support");
        var onSupport = new List<double>();
        var offSupport = new List<double>();
        var figures = new List<string>();

        // 1D: two modes.
        var oneD = TargetDistributions.Mixture1D();
        using (var gan = TheoryRuns.Toy(RunData.Points(oneD), iterations, context.Seed, shape, batchSize: context.Size(128, 256)))
        {
            TheoryRuns.TrainAndAverageValue(gan);
            context.Report(0.4);
            var grid = QuadratureGrid.Line(-5, 5, 1001);
            var (row, on, off, xs, d, dStar, pData, pG) = Measure(gan, oneD, grid, context.Size(5000, 20000));
            table.Add(row);
            onSupport.Add(on);
            offSupport.Add(off);
            var (path, relative) = context.Figure("09-end-1d.png");
            double peak = pData.Max();
            new TheoryFigure($"D after {iterations} iterations on two 1D modes", "x", "D(x); densities scaled")
                .Line("trained D", xs, d)
                .Line("D* from a KDE of P_G", xs, dStar, dashed: true)
                .Line("p_data (scaled)", xs, pData.Select(v => v / peak).ToArray())
                .Line("p_G, KDE (scaled)", xs, pG.Select(v => v / peak).ToArray())
                .HorizontalLine("½", 0.5).YRange(-0.02, 1.05).Save(path);
            figures.Add(relative);
        }

        // 2D: the ring.
        var ring = TargetDistributions.Ring();
        using (var gan = TheoryRuns.Toy(RunData.Points(ring), iterations, context.Seed, shape, batchSize: context.Size(128, 256)))
        {
            TheoryRuns.TrainAndAverageValue(gan);
            context.Report(0.8);
            var grid = QuadratureGrid.Square(-3, 3, context.Size(61, 121));
            var (row, on, off, _, _, _, _, _) = Measure(gan, ring, grid, context.Size(5000, 20000));
            table.Add(row);
            onSupport.Add(on);
            offSupport.Add(off);
            var angles = Enumerable.Range(0, 721).Select(i => 2 * Math.PI * i / 720).ToArray();
            var figure = new TheoryFigure($"D around circles after {iterations} iterations on the ring", "angle (radians)", "D");
            foreach (var radius in new[] { 1.0, 2.0, 3.0 })
            {
                using var pts = tensor(angles.SelectMany(a => new[] { radius * Math.Cos(a), radius * Math.Sin(a) }).ToArray(), new long[] { angles.Length, 2 }, dtype: float32);
                figure.Line(radius == 2 ? "radius 2 (through the 8 modes)" : $"radius {radius} (off the data)", angles, Theory.DiscriminatorFitting.Probabilities(gan.Trainer.Discriminator, pts));
            }
            var (path, relative) = context.Figure("09-end-ring.png");
            figure.HorizontalLine("½", 0.5).YRange(-0.02, 1.05).Save(path);
            figures.Add(relative);
        }

        var checks = new[]
        {
            new TheoryCheck("on_support_mean_d_1d", "1D: mean D on data samples (Goodfellow: ½)", onSupport[0], 0.5, 0.1),
            new TheoryCheck("on_support_mean_d_ring", "ring: mean D on data samples (Goodfellow: ½)", onSupport[1], 0.5, 0.1),
            new TheoryCheck("off_support_dev_1d", "1D: mean |D − ½| off both supports (flat D: 0)", offSupport[0], 0, 0.1, CheckKind.AtMost),
            new TheoryCheck("off_support_dev_ring", "ring: mean |D − ½| off both supports (flat D: 0)", offSupport[1], 0, 0.1, CheckKind.AtMost),
        };
        var what = $"Non-saturating GANs (MLP {shape.HiddenLayers}×{shape.Width}, Adam lr 1e-3, k = 1) trained for {iterations} iterations on ½N(−2, 0.3²) + ½N(2, 0.3²) and on the ring. " +
                   "At the end, D is read on 2,000 data samples, on G's samples, and on grid points off both supports (p_data and the KDE of P_G below 10⁻³ of their peaks); " +
                   $"D*_KDE = p_data / (p_data + p̂_G) uses a Gaussian KDE of {context.Size(5000, 20000)} samples of G (Scott's bandwidth).";
        bool flatOn = checks[0].Holds && checks[1].Holds, flatOff = checks[2].Holds && checks[3].Holds;
        var verdict = $"On the data, D ends at a mean of {onSupport[0]:F3} (1D) and {onSupport[1]:F3} (ring): {(flatOn ? "close to ½, as in Goodfellow's picture" : "not everywhere within 0.1 of ½ — training had not reached the equilibrium")}. " +
                      $"Off both supports its mean distance from ½ is {offSupport[0]:F3} (1D) and {offSupport[1]:F3} (ring): {(flatOff ? "D is nearly flat there too" : "D is not flat — it keeps a shape that follows where the data are (LeCun's picture)")}, " +
                      "as nothing in training pins D's values where no sample falls. The picture seen is Goodfellow's on the support at best and LeCun's off it.";
        return Result(what, new[] { table }, checks, verdict, figures.ToArray());
    }

    private static (object?[] Row, double OnSupport, double OffSupport, double[] Xs, double[] D, double[] DStar, double[] PData, double[] PG) Measure(GanRun gan, ITargetDistribution target, QuadratureGrid grid, int kdeSamples)
    {
        using var scope = NewDisposeScope();
        using var random = new RandomStream(12345);
        var data = target.Sample(2000, random);
        var fake = TheoryRuns.Sample(gan, kdeSamples);
        var dData = DiscriminatorFitting.Probabilities(gan.Trainer.Discriminator, data);
        var dFake = DiscriminatorFitting.Probabilities(gan.Trainer.Discriminator, fake.narrow(0, 0, 2000));
        var kde = new KernelDensityEstimate("P_G", fake);
        var x = grid.Points();
        var logData = target.LogDensity(x);
        var logG = kde.LogDensity(x);
        var pData = logData.exp().data<double>().ToArray();
        var pG = logG.exp().data<double>().ToArray();
        var d = DiscriminatorFitting.Probabilities(gan.Trainer.Discriminator, x);
        var dStar = OptimalDiscriminator.Probability(logData, logG).data<double>().ToArray();
        double peakData = pData.Max(), peakG = pG.Max();
        var off = Enumerable.Range(0, grid.Count).Where(i => pData[i] < 1e-3 * peakData && pG[i] < 1e-3 * peakG).ToArray();
        var on = Enumerable.Range(0, grid.Count).Where(i => pData[i] >= 1e-2 * peakData).ToArray();
        double offDev = off.Length == 0 ? double.NaN : off.Average(i => Math.Abs(d[i] - 0.5));
        double starGap = on.Average(i => Math.Abs(d[i] - dStar[i]));
        double mean = dData.Average();
        double std = Math.Sqrt(dData.Average(v => (v - mean) * (v - mean)));
        var row = new object?[]
        {
            target.Name, mean, std, dFake.Average(), off.Length == 0 ? double.NaN : off.Average(i => d[i]),
            off.Length == 0 ? "–" : $"{TheoryTable.Format(off.Min(i => d[i]))} / {TheoryTable.Format(off.Max(i => d[i]))}", starGap,
        };
        var xs = grid.Dimension == 1 ? x.squeeze(1).data<double>().ToArray() : Array.Empty<double>();
        return (row, mean, offDev, xs, d, dStar, pData, pG);
    }
}
