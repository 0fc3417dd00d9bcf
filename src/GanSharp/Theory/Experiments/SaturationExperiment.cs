using GanSharp.Distributions;
using GanSharp.Models;
using GanSharp.Objectives;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Theory.Experiments;

/// <summary>Claim 4: while D confidently rejects G(z), the minimax generator loss gives vanishing gradients and the non-saturating one does not.</summary>
public sealed class SaturationExperiment : TheoryExperiment
{
    /// <inheritdoc />
    public override string Id => "saturation";

    /// <inheritdoc />
    public override int Number => 4;

    /// <inheritdoc />
    public override string Title => "Saturation of the minimax generator loss";

    /// <inheritdoc />
    public override string Claim => "Early in training, when D(G(z)) → 0, log(1 − D(G(z))) saturates and its gradient with respect to G's parameters vanishes, while −log D(G(z)) keeps a strong gradient.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        var data = TargetDistributions.Gaussian1D(2.0, 0.5);
        // G(z) = b + a z with (a, b) = (0.5, −2): P_G = N(−2, 0.5²), far from P_data = N(2, 0.5²).
        using var scale = new Parameter(tensor(new[] { 0.5f }));
        using var shift = new Parameter(tensor(new[] { -2.0f }));
        var parameters = new[] { scale, shift };
        using var random = new RandomStream((ulong)Runtime.RandomStreams.Seed(context.Seed, Runtime.RandomStreams.Data));
        using var z = randn(new long[] { 4096, 1 }, generator: random);
        Tensor Generate(Tensor noise) => shift + scale * noise;
        var d = DiscriminatorFitting.NewDiscriminator(1, new MlpOptions(2, 32), context.Seed);
        int[] checkpoints = context.Size(new[] { 0, 5, 10, 20, 40, 80, 160, 320, 640 }, new[] { 0, 5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560 });
        var table = new TheoryTable("D steps", "mean D(G(z))", "‖∇θ minimax L_G‖", "‖∇θ non-saturating L_G‖", "ratio NS / minimax", "mean (1 − D) / mean D");
        var meanD = new List<double>();
        var normMinimax = new List<double>();
        var normNs = new List<double>();
        double lastRatio = double.NaN, lastD = double.NaN, lastPredicted = double.NaN;
        int done = 0;
        foreach (var target in checkpoints)
        {
            if (target > done)
            {
                DiscriminatorFitting.Fit(d, m => data.Sample(m, random), m => Generate(randn(new long[] { m, 1 }, generator: random)).detach(), new DiscriminatorFitOptions(target - done, 256, 3e-3));
                done = target;
            }
            double mm = GradientNorm(d, Generate(z), GanObjective.Minimax, parameters);
            double ns = GradientNorm(d, Generate(z), GanObjective.NonSaturating, parameters);
            var probs = DiscriminatorFitting.Probabilities(d, Generate(z).detach());
            double mean = probs.Average();
            lastRatio = ns / mm;
            lastD = mean;
            lastPredicted = probs.Average(p => 1 - p) / mean;
            table.Add(target, mean, mm, ns, lastRatio, lastPredicted);
            meanD.Add(mean);
            normMinimax.Add(mm);
            normNs.Add(ns);
            context.Report(0.9 * done / checkpoints[^1]);
        }
        d.Dispose();

        var (lossPath, lossRelative) = context.Figure("04-losses.png");
        var ds = Enumerable.Range(1, 999).Select(i => i / 1000.0).ToArray();
        new TheoryFigure("Generator losses against D(G(z))", "D(G(z))", "loss")
            .Line("minimax: log(1 − D), flat as D → 0", ds, ds.Select(v => Math.Log(1 - v)).ToArray())
            .Line("non-saturating: −log D, steep as D → 0", ds, ds.Select(v => -Math.Log(v)).ToArray())
            .YRange(-5, 5).Save(lossPath);
        var (gradPath, gradRelative) = context.Figure("04-gradients.png");
        new TheoryFigure("‖∇θ L_G‖ as D becomes confident", "log10 mean D(G(z))", "log10 ‖∇θ L_G‖")
            .Line("minimax", meanD.Select(Math.Log10).ToArray(), normMinimax.Select(Math.Log10).ToArray(), markers: true)
            .Line("non-saturating", meanD.Select(Math.Log10).ToArray(), normNs.Select(Math.Log10).ToArray(), markers: true)
            .Save(gradPath);

        var checks = new[]
        {
            new TheoryCheck("final_mean_d_fake", "mean D(G(z)) after the last D step (D is confident)", lastD, 0, 0.01, CheckKind.AtMost),
            new TheoryCheck("final_gradient_ratio", "‖∇ non-saturating‖ / ‖∇ minimax‖ at the last checkpoint", lastRatio, 10, 0, CheckKind.AtLeast),
            new TheoryCheck("minimax_gradient_drop", "‖∇ minimax‖ at the last checkpoint / at the first", normMinimax[^1] / normMinimax[0], 0, 0.1, CheckKind.AtMost),
        };
        var what = $"P_data = N(2, 0.5²); G(z) = b + a z with (a, b) = (0.5, −2), z ~ N(0, 1), held fixed. D (MLP 2×32) was trained against it for up to {checkpoints[^1]} Adam steps; " +
                   "at each checkpoint, the gradients of both generator losses with respect to (a, b) were taken on the same 4,096 noise samples.";
        var verdict = $"As D grows confident (mean D(G(z)) from {meanD[0]:F3} to {lastD:E1}), the minimax gradient falls by a factor {normMinimax[0] / normMinimax[^1]:E1} while the non-saturating one grows to {normNs[^1]:F1}; " +
                      $"their ratio ({lastRatio:E1}) grows like (1 − D)/D (here {lastPredicted:E1}), because ∂L_G/∂l is −D for minimax and −(1 − D) for non-saturating, l being D's logit.";
        return Result(what, new[] { table }, checks, verdict, lossRelative, gradRelative);
    }

    private static double GradientNorm(Module<Tensor, Tensor> d, Tensor fake, GanObjective objective, Parameter[] parameters)
    {
        using var scope = NewDisposeScope();
        foreach (var p in parameters) p.grad?.zero_();
        var loss = ObjectiveLosses.GeneratorLoss(objective, d.forward(fake));
        var grads = autograd.grad(new[] { loss }, parameters);
        return stack(grads.Select(g => g.pow(2).sum()).ToArray()).sum().sqrt().item<float>();
    }
}
