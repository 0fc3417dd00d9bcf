using System.Globalization;
using System.Text.Json.Nodes;
using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Metrics;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Runs;

namespace GanSharp.Theory.Experiments;

/// <summary>
/// Claim 8: mode collapse, measured on runs trained until they are sharp, over many seeds: how many modes the non-saturating GAN
/// keeps, and whether each remedy (replay, PacGAN packing, R1, spectral normalisation, an EMA of G's weights) keeps more, by an
/// exact one-sided sign test on the seeds (each remedy's run paired with the plain run of the same seed).
/// </summary>
public sealed class ModeCollapseExperiment : TheoryExperiment
{
    /// <summary>Significance level of the sign tests.</summary>
    public const double Alpha = 0.05;

    /// <inheritdoc />
    public override string Id => "mode-collapse";

    /// <inheritdoc />
    public override int Number => 8;

    /// <inheritdoc />
    public override string Title => "Mode collapse on sharp runs: the non-saturating GAN against replay, packing, R1, spectral norm and EMA";

    /// <inheritdoc />
    public override string Claim => "GANs may cover only some modes; replaying past generated samples to D (the lecture says) — and the other remedies of the literature — help against collapse.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var target = TargetDistributions.Grid();
        int seedCount = context.Size(3, 10);
        int iterations = context.Size(600, 15_000);
        var shape = context.Size(new MlpOptions(2, 64), new MlpOptions(3, 128));
        int batch = context.Size(128, 256);
        double sharpness = context.Size(0.2, 0.8);
        var variants = new (string Name, string Id, ReplayOptions? Replay, JsonObject Extra)[]
        {
            ("non-saturating", "plain", null, new JsonObject()),
            ("+ replay ½", "replay", new ReplayOptions(10_000, 0.5), new JsonObject()),
            ("+ pack 4 (PacGAN4)", "pack4", null, new JsonObject { ["pack"] = 4 }),
            ("+ R1 γ = 1", "r1", null, new JsonObject { ["r1"] = 1.0 }),
            ("+ spectral norm", "spectral-norm", null, new JsonObject { ["spectral_norm"] = true }),
            ("+ EMA 0.99", "ema", null, new JsonObject { ["ema"] = 0.99 }),
        };
        var seeds = Enumerable.Range(1, seedCount).ToArray();
        var table = new TheoryTable("G and D", "seed", "modes captured", "high-quality fraction", "reverse KL (nats)");
        var summary = new TheoryTable("G and D", "mean modes captured", "mean high-quality fraction", "wins / ties / losses vs plain (modes)", "sign test p (more modes)");
        var figure = new TheoryFigure("Modes captured per seed (points offset per variant)", "seed", "modes captured / total");
        var modes = new Dictionary<string, double[]>();
        var quality = new Dictionary<string, double[]>();
        int total = variants.Length * seeds.Length;
        ModeReport Train(ReplayOptions? replay, JsonObject extra, int seed)
        {
            var settings = (JsonObject)extra.DeepClone();
            settings["lr_schedule"] = "linear";
            using var run = TheoryRuns.Toy(RunData.Points(target), iterations, context.Seed + seed, shape, GanObjective.NonSaturating,
                NoisePrior.Uniform, batch, replay: replay, extra: settings);
            TheoryRuns.TrainUntil(run, iterations);
            return TheoryRuns.ScoreModes(run, target);
        }
        var jobs = variants.SelectMany(v => seeds.Select(seed => ($"{v.Id}-seed{seed}", (Func<ModeReport>)(() => Train(v.Replay, v.Extra, seed))))).ToArray();
        // The full run's 60 runs take hours on one thread: kept on disk (OUT/runs/…), so a stopped report resumes and several
        // processes on the same --out share them out. The quick run computes afresh, so a changed experiment is never read stale.
        var cache = context.Quick ? null : new TheoryRunCache(Path.Combine(context.OutputDirectory, "runs",
            I($"08-mode-collapse-{iterations}it-{shape.HiddenLayers}x{shape.Width}-m{batch}-seed{context.Seed}")));
        var all = cache is null
            ? jobs.Select((job, i) => { var r = job.Item2(); context.Report((double)(i + 1) / total); return r; }).ToArray()
            : cache.Run(jobs, done => context.Report((double)done / total));
        foreach (var ((name, _, _, _), v) in variants.Select((x, i) => (x, i)))
        {
            var reports = all.Skip(v * seeds.Length).Take(seeds.Length).ToList();
            foreach (var (r, seed) in reports.Zip(seeds))
                table.Add(name, seed, $"{r.ModesCaptured}/{r.ModesTotal}", r.HighQualityFraction, r.ReverseKl);
            modes[name] = reports.Select(r => (double)r.ModesCaptured).ToArray();
            quality[name] = reports.Select(r => r.HighQualityFraction).ToArray();
            figure.Points(name, seeds.Select(s => s + 0.1 * v).ToArray(), reports.Select(r => (double)r.ModesCaptured / r.ModesTotal).ToArray(), 9);
        }
        var plain = modes[variants[0].Name];
        var pValues = new Dictionary<string, double>();
        foreach (var (name, _, _, _) in variants)
        {
            var m = modes[name];
            bool isPlain = name == variants[0].Name;
            if (!isPlain) pValues[name] = SignTest.GreaterPValue(m, plain);
            string record = isPlain ? "—" : $"{m.Zip(plain).Count(p => p.First > p.Second)} / {m.Zip(plain).Count(p => p.First == p.Second)} / {m.Zip(plain).Count(p => p.First < p.Second)}";
            summary.Add(name, m.Average(), quality[name].Average(), record, isPlain ? null : pValues[name]);
        }
        var (path, relative) = context.Figure("08-mode-collapse.png");
        figure.YRange(0, 1.3).Save(path);

        double plainQuality = quality[variants[0].Name].Average();
        string replayName = variants[1].Name;
        var checks = new[]
        {
            new TheoryCheck("plain_mean_high_quality", "non-saturating: mean high-quality fraction (the runs are sharp enough for modes to mean something)", plainQuality, sharpness, 0, CheckKind.AtLeast),
            new TheoryCheck("replay_sign_test_p", "one-sided sign test p-value: replay captures more modes than the plain run of the same seed", pValues[replayName], 0, Alpha, CheckKind.AtMost),
        };
        var what = I($"Non-saturating GANs on the 25-Gaussian grid (σ = 0.05), G and D MLP {shape.HiddenLayers}×{shape.Width} ReLU, Adam lr 10⁻³ β = (0.5, 0.999) decayed linearly to 0, batch {batch}, k = 1, ") +
                   I($"uniform 2-D noise, {iterations} iterations, seeds {seeds[0]}–{seeds[^1]}; then the same with each remedy added alone: D trained on half replayed past samples (buffer 10,000), PacGAN packing of 4, ") +
                   "the R1 penalty γ = 1 on data, spectral normalisation of D, and samples from an EMA (β = 0.99) of G's weights. Modes, high-quality fraction and reverse KL follow the PacGAN/VEEGAN protocol on 2,500 samples. " +
                   I($"Test: for each remedy, the exact one-sided sign test on the per-seed differences in modes captured (remedy − plain, ties dropped), at α = {Alpha}.") +
                   I($" A sharp run here means a mean high-quality fraction of at least {sharpness} (0.8 in the full run; the quick run is too short for that).") +
                   (cache is null ? "" : I($" Each run's result is kept in {cache.Folder}; {cache.Reused} of the {total} were read from there (left by an earlier or a parallel process) rather than trained by this one."));
        var verdict = I($"The plain runs capture {plain.Average():F1} of 25 modes on average with {plainQuality:P0} high-quality samples. ") +
                      string.Join(" ", pValues.Select(p => I($"{p.Key}: {modes[p.Key].Average():F1} modes, p = {p.Value:F3}{(p.Value <= Alpha ? " (more modes, significant)" : " (not significant)")}."))) +
                      (MinimumWins(seeds.Length) <= seeds.Length
                          ? I($" Over {seeds.Length} seeds a sign test reaches p ≤ {Alpha} only if the remedy wins on at least {MinimumWins(seeds.Length)} of {seeds.Length} untied seeds.")
                          : I($" With {seeds.Length} seeds no outcome can reach p ≤ {Alpha} (5 untied wins out of 5 are the fewest that can): the quick run shows the method, not a verdict."));
        return Result(what, new[] { summary, table }, checks, verdict, relative);
    }

    /// <summary>The fewest wins among n untied pairs that give a one-sided sign-test p ≤ α.</summary>
    private static int MinimumWins(int n)
    {
        for (int k = 0; k <= n; k++)
            if (SignTest.GreaterPValue(Enumerable.Repeat(1.0, n).Select((v, i) => i < k ? 1.0 : -1.0).ToArray(), new double[n]) <= Alpha) return k;
        return n + 1;
    }
}
