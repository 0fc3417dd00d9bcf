using System.Globalization;
using GanSharp.Models;
using GanSharp.Objectives;
using GanSharp.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Theory.Experiments;

/// <summary>
/// Claim 14 (Arjovsky et al. 2017, Example 1): for P_data = (0, Z) and P_G = (θ, Z), Z ~ U[0, 1], the supports are disjoint for
/// θ ≠ 0, where JSD = log 2 whatever θ (no gradient for G), while W₁ = |θ|. A WGAN-GP critic trained against the fixed P_G tracks
/// W₁ and gives G's shift θ a gradient near 1 at every distance. (In 2D the critic's slope can turn from one direction to the
/// other without passing through zero, where the two-sided penalty would hold a 1D critic that started with the wrong sign.)
/// </summary>
public sealed class WassersteinDisjointExperiment : TheoryExperiment
{
    /// <summary>Largest accepted |Ŵ − θ| / θ.</summary>
    public const double RelativeTolerance = 0.1;

    /// <summary>Smallest accepted |∂L_G/∂θ| (the exact critic's slope is 1).</summary>
    public const double MinimumGradient = 0.8;

    /// <inheritdoc />
    public override string Id => "wasserstein";

    /// <inheritdoc />
    public override int Number => 14;

    /// <inheritdoc />
    public override string Title => "Wasserstein fixes the disjoint-support case: JSD flat at log 2, the critic tracks W₁ = |θ|";

    /// <inheritdoc />
    public override string Claim => "For two disjoint supports at distance θ the JSD is log 2 for every θ, so it gives G no gradient; the WGAN critic's estimate tracks W₁ = |θ| and gives G a gradient that does not vanish.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        double[] thetas = context.Size(new[] { 0.5, 2.0, 4.0 }, new[] { 0.5, 1.0, 2.0, 4.0, 8.0 });
        var shape = new MlpOptions(2, 32);
        int steps = context.Size(600, 2000), batch = 256, heldOut = context.Size(20_000, 100_000);
        // The penalised problem's optimum here is the linear critic of slope s maximising θ·s − λ(s − 1)², s = 1 + θ/(2λ): the soft
        // penalty overstates W₁ by θ²/(2λ). λ = 100 (not the paper's 10, tuned for images) keeps that bias within 4% up to θ = 8.
        const double lambda = 100;
        var fit = new DiscriminatorFitOptions(steps, batch, 3e-3);
        var table = new TheoryTable("θ", "exact JSD", "GAN D's JSD_est", "∂L_G/∂θ (minimax, trained D)", "exact W₁ = |θ|", "critic Ŵ ± SE", "penalised optimum θ + θ²/(2λ)", "|Ŵ − θ|/θ", "∂L_G/∂θ (WGAN)");
        var figure = new TheoryFigure("(0, Z) against (θ, Z), Z ~ U[0, 1]", "θ", "nats / distance");
        double maxRelative = 0, minGradient = double.PositiveInfinity, maxGanGradient = 0;
        var jsds = new List<double>();
        var estimates = new List<double>();
        foreach (var (theta, i) in thetas.Select((t, i) => (t, i)))
        {
            context.Report((double)i / thetas.Length);
            long seed = RandomStreams.Seed(context.Seed + 14, i);
            using var heldOutStream = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Preview));
            using var real = Line(0, heldOut, heldOutStream);
            using var fake = Line(theta, heldOut, heldOutStream);
            using var train = new RandomStream((ulong)RandomStreams.Seed(seed, RandomStreams.Data));

            using var d = DiscriminatorFitting.NewDiscriminator(2, shape, seed);
            DiscriminatorFitting.Fit(d, m => Line(0, m, train), m => Line(theta, m, train), fit);
            var jsd = DiscriminatorFitting.JensenShannonLowerBound(d, real, fake);
            double ganGradient = ShiftGradient(d, fake, GanObjective.Minimax);

            using var critic = DiscriminatorFitting.NewDiscriminator(2, shape, seed + 1);
            TrainCritic(critic, m => Line(0, m, train), m => Line(theta, m, train), steps, batch, lambda, train);
            var w = Value(critic, real, fake);
            double gradient = ShiftGradient(critic, fake, GanObjective.WganGp);
            double relative = Math.Abs(w.Value - theta) / theta;
            maxRelative = Math.Max(maxRelative, relative);
            minGradient = Math.Min(minGradient, Math.Abs(gradient));
            maxGanGradient = Math.Max(maxGanGradient, Math.Abs(ganGradient));
            jsds.Add(jsd.Value);
            estimates.Add(w.Value);
            table.Add(theta, Math.Log(2), jsd.ToString(), ganGradient, theta, w.ToString(), theta + theta * theta / (2 * lambda), relative, gradient);
        }
        double jsdSpread = jsds.Max() - jsds.Min();
        var (path, relativePath) = context.Figure("14-wasserstein.png");
        figure.Line("GAN D's JSD_est", thetas, jsds, markers: true).HorizontalLine("exact JSD = log 2", Math.Log(2))
            .Line("exact W₁ = θ", thetas, thetas, dashed: true).Points("critic Ŵ", thetas, estimates, 8)
            .LegendAt(ScottPlot.Alignment.UpperLeft).Save(path);

        var checks = new[]
        {
            new TheoryCheck("jsd_estimate_spread", "max − min over θ of the trained GAN D's JSD estimate (flat: no signal for G)", jsdSpread, 0, 0.05, CheckKind.AtMost),
            new TheoryCheck("max_relative_w1_error", "max over θ of |Ŵ − θ|/θ", maxRelative, 0, RelativeTolerance, CheckKind.AtMost),
            new TheoryCheck("min_generator_gradient", "min over θ of |∂L_G/∂θ| = |E ∂f/∂x₁(G(z))| for the WGAN generator loss", minGradient, MinimumGradient, 0, CheckKind.AtLeast),
        };
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var what = I($"Arjovsky et al. (2017), Example 1: P_data = (0, Z), P_G = (θ, Z), Z ~ U[0, 1], for θ ∈ {{{string.Join(", ", thetas)}}}; G(z) = (θ, z) held fixed. ") +
                   "The supports are disjoint for θ ≠ 0, so JSD = log 2 exactly while W₁ = |θ|. " +
                   I($"A GAN D and a critic (both MLP {shape.HiddenLayers}×{shape.Width} ReLU; the critic without sigmoid) were trained for {steps} Adam steps, batch {batch}: D on the cross-entropy (lr {fit.LearningRate}), ") +
                   I($"the critic on the WGAN-GP loss (λ = {lambda}: the optimum of the soft penalty here overstates W₁ by θ²/(2λ); lr 10⁻³, β = (0.5, 0.9)). On {heldOut} held-out samples of each: D's JSD_est = (V + log 4)/2 and the critic's Ŵ = mean f(x) − mean f(G(z)); ") +
                   "and G's gradient ∂L_G/∂θ through each (minimax L_G = mean log(1 − D(G(z))), WGAN L_G = −mean f(G(z))), by autograd through a shift of G's samples along x₁.";
        var verdict = I($"The trained GAN D reports the same JSD at every distance (spread {jsdSpread:F3} nats, exact log 2 throughout), and G's gradient through it is at most {maxGanGradient:E1}: no signal. ") +
                      I($"The critic's Ŵ stays within {maxRelative:P1} of W₁ = θ (tolerance {RelativeTolerance:P0}) and G's gradient through it is at least {minGradient:F2} in size at every distance (the exact critic's slope is 1): ") +
                      "the Wasserstein objective tells G which way to move however far apart the supports are.";
        return Result(what, new[] { table }, checks, verdict, relativePath);
    }

    /// <summary>n points (x₁, U[0, 1]) [n, 2].</summary>
    private static Tensor Line(double x1, long n, RandomStream stream)
    {
        using var scope = NewDisposeScope();
        var z = rand(new[] { n, 1L }, generator: stream);
        return cat(new[] { full(new[] { n, 1L }, x1), z }, 1).MoveToOuterDisposeScope();
    }

    private static void TrainCritic(Module<Tensor, Tensor> critic, Func<int, Tensor> real, Func<int, Tensor> fake, int steps, int batch, double lambda, RandomStream noise)
    {
        critic.train();
        using var optimizer = optim.Adam(critic.parameters(), 1e-3, 0.5, 0.9);
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var x = real(batch);
            var y = fake(batch);
            var between = GradientPenalties.Interpolate(x, y, rand(new long[] { batch }, generator: noise)).requires_grad_(true);
            var loss = WassersteinLosses.CriticLoss(critic.forward(x), critic.forward(y))
                       + GradientPenalties.Wasserstein(GradientPenalties.InputGradient(critic.forward(between), between), lambda);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }

    private static Estimate Value(Module<Tensor, Tensor> critic, Tensor real, Tensor fake)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var a = Estimate.OfMean(critic.forward(real).to_type(float64).data<double>().ToArray());
        var b = Estimate.OfMean(critic.forward(fake).to_type(float64).data<double>().ToArray());
        return new Estimate(a.Value - b.Value, Math.Sqrt(a.StandardError * a.StandardError + b.StandardError * b.StandardError));
    }

    /// <summary>∂L_G/∂θ for G's samples y shifted by θ along x₁ (at the current θ): autograd through a zero shift.</summary>
    private static double ShiftGradient(Module<Tensor, Tensor> d, Tensor fake, GanObjective objective)
    {
        using var scope = NewDisposeScope();
        var shift = zeros(1, requires_grad: true);
        var moved = fake + cat(new[] { shift, zeros(1) }).unsqueeze(0);   // [n, 2] + [1, 2]
        var loss = ObjectiveLosses.GeneratorLoss(objective, d.forward(moved));
        loss.backward();
        return shift.grad!.item<float>();
    }
}
