using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Runs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>Claim 11: keeping D from the previous iteration (warm start) beats re-initialising it for every new G with the same number of D steps.</summary>
public sealed class WarmStartExperiment : TheoryExperiment
{
    /// <inheritdoc />
    public override string Id => "warm-start";

    /// <inheritdoc />
    public override int Number => 11;

    /// <inheritdoc />
    public override string Title => "Warm-started D vs re-initialised D";

    /// <inheritdoc />
    public override string Claim => "Algorithm 1 keeps D from the previous iteration instead of retraining it from scratch for each new G; with the same k D steps per iteration, a warm D estimates the JSD better and trains a better G.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        var ring = TargetDistributions.Ring();
        int[] seeds = { 0, 1 };
        int iterations = context.Size(300, 1000), k = 3;
        var shape = context.Size(new MlpOptions(2, 64), new MlpOptions(2, 128));
        var fit = new DiscriminatorFitOptions(context.Size(300, 1000), 256, 3e-3);
        var table = new TheoryTable("D", "seed", "JSD from training V (last 10%)", "JSD_est of a fresh D fitted to the final G", "modes captured", "high-quality fraction", "reverse KL");
        var warmModes = new List<double>();
        var coldModes = new List<double>();
        var warmJsd = new List<double>();
        var coldJsd = new List<double>();
        int total = seeds.Length * 2, done = 0;
        foreach (var seed in seeds)
            foreach (var reinitialise in new[] { false, true })
            {
                using var gan = TheoryRuns.Toy(RunData.Points(ring), iterations, context.Seed + seed, shape, discriminatorSteps: k, batchSize: context.Size(128, 256));
                using var reset = reinitialise ? new DiscriminatorReset(gan) : null;
                double value = TheoryRuns.TrainAndAverageValue(gan);
                var r = TheoryRuns.ScoreModes(gan, ring);
                using var random = new RandomStream((ulong)(1000 + seed));
                using var fresh = DiscriminatorFitting.NewDiscriminator(2, new MlpOptions(2, 64), context.Seed + seed);
                DiscriminatorFitting.Fit(fresh, m => ring.Sample(m, random), m => gan.Trainer.Sample(m, random), fit);
                using var real = ring.Sample(10000, random);
                using var fake = gan.Trainer.Sample(10000, random);
                var jsd = DiscriminatorFitting.JensenShannonLowerBound(fresh, real, fake);
                (reinitialise ? coldModes : warmModes).Add((double)r.ModesCaptured / r.ModesTotal);
                (reinitialise ? coldJsd : warmJsd).Add(jsd.Value);
                table.Add(reinitialise ? "re-initialised each iteration" : "warm (kept)", seed, OptimalDiscriminator.JensenShannonFromValue(value), jsd.ToString(), $"{r.ModesCaptured}/{r.ModesTotal}", r.HighQualityFraction, r.ReverseKl);
                context.Report((double)++done / total);
            }
        var (path, relative) = context.Figure("11-warm-start.png");
        new TheoryFigure("Final G: warm vs re-initialised D", "seed", "value")
            .Points("modes captured (fraction), warm D", seeds.Select(s => (double)s).ToArray(), warmModes, 9)
            .Points("modes captured (fraction), re-initialised D", seeds.Select(s => s + 0.1).ToArray(), coldModes, 9)
            .Points("JSD_est of final G / log 2, warm D", seeds.Select(s => s + 0.2).ToArray(), warmJsd.Select(v => v / Math.Log(2)).ToArray(), 9)
            .Points("JSD_est of final G / log 2, re-initialised D", seeds.Select(s => s + 0.3).ToArray(), coldJsd.Select(v => v / Math.Log(2)).ToArray(), 9)
            .YRange(0, 1.4).Save(path);
        var checks = new[]
        {
            new TheoryCheck("final_jsd_cold_minus_warm", "mean JSD_est of the final G: re-initialised D − warm D (positive: warm G is closer to the data)", coldJsd.Average() - warmJsd.Average(), 0, 0, CheckKind.AtLeast),
            new TheoryCheck("modes_warm_minus_cold", "mean fraction of modes captured: warm − re-initialised", warmModes.Average() - coldModes.Average(), 0, 0, CheckKind.AtLeast),
        };
        var what = $"Ring, non-saturating GAN (MLP {shape.HiddenLayers}×{shape.Width}, Adam lr 1e-3), k = {k} D steps per iteration, {iterations} iterations, seeds {string.Join(", ", seeds)}. " +
                   "Re-initialised: after every iteration D's weights are reset to their initial values and its Adam state to zero (so each G step sees a D trained by only k steps from scratch). " +
                   $"The final G is scored by the mode metrics and by JSD_est from a fresh D (MLP 2×64, {fit.Steps} steps) on 10,000 held-out samples of each. The reset is done from outside the trainer, through its IterationCompleted event.";
        var verdict = $"Warm D: {warmModes.Average():P0} of the modes, final JSD_est {warmJsd.Average():F3}; re-initialised D: {coldModes.Average():P0}, {coldJsd.Average():F3}. " +
                      "A D that restarts every iteration cannot follow G with k steps; keeping D from the previous iteration is what lets k stay small.";
        return Result(what, new[] { table }, checks, verdict, relative);
    }

    /// <summary>Resets D's weights and its optimiser's state to their starting values after every iteration.</summary>
    private sealed class DiscriminatorReset : IDisposable
    {
        private readonly GanRun _gan;
        private readonly Dictionary<string, Tensor> _weights;
        private readonly byte[] _optimizerState;

        public DiscriminatorReset(GanRun gan)
        {
            _gan = gan;
            _weights = gan.Trainer.Discriminator.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
                ((OptimizerHelper)gan.Trainer.DiscriminatorOptimizer).save_state_dict(writer);
            _optimizerState = stream.ToArray();
            gan.Trainer.IterationCompleted += Reset;
        }

        private void Reset(IterationStats stats)
        {
            using (no_grad())
                foreach (var (name, parameter) in _gan.Trainer.Discriminator.named_parameters()) parameter.copy_(_weights[name]);
            using var reader = new BinaryReader(new MemoryStream(_optimizerState));
            ((OptimizerHelper)_gan.Trainer.DiscriminatorOptimizer).load_state_dict(reader);
        }

        public void Dispose()
        {
            _gan.Trainer.IterationCompleted -= Reset;
            foreach (var t in _weights.Values) t.Dispose();
        }
    }
}
