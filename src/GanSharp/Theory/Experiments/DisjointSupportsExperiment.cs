using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using GanSharp.Objectives;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GanSharp.Theory.Experiments;

/// <summary>Claim 6: on disjoint low-dimensional supports the JSD is log 2 and an optimal D gives G no gradient; noise that makes the supports overlap restores both.</summary>
public sealed class DisjointSupportsExperiment : TheoryExperiment
{
    /// <inheritdoc />
    public override string Id => "disjoint";

    /// <inheritdoc />
    public override int Number => 6;

    /// <inheritdoc />
    public override string Title => "Disjoint supports: JSD = log 2 and no gradient";

    /// <inheritdoc />
    public override string Claim => "When P_data lies on a line in 2D and P_G on a parallel line off it, JSD = log 2 whatever the distance, and G's gradient through an optimal D vanishes; adding noise makes the supports overlap and brings both back.";

    /// <summary>Distance δ between the data's line and the stream's.</summary>
    public const double Offset = 0.5;

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        double[] noises = { 0, 0.02, 0.05, 0.1, 0.2, 0.5 };
        var fit = new DiscriminatorFitOptions(400, 256, 3e-3);
        int heldOut = context.Size(10000, 100000);
        var table = new TheoryTable("noise σ", "exact JSD (2D quadrature)", "JSD_est, trained D", "|∂/∂δ minimax L_G| through D*", "|∂/∂δ minimax L_G| through trained D", "mean D(G(z)), trained D");
        var exact = new List<double>();
        var estimated = new List<double>();
        var gradExact = new List<double>();
        var gradTrained = new List<double>();
        foreach (var (sigma, i) in noises.Select((s, i) => (s, i)))
        {
            context.Report((double)i / noises.Length);
            double jsd = sigma == 0 ? Math.Log(2) : ExactJensenShannon(sigma);
            double g = sigma == 0 ? 0 : Math.Abs(ExactMinimaxGradient(sigma));
            var data = new OffsetSegment(0, sigma);
            var model = new OffsetSegment(Offset, sigma);
            using var setup = new FixedGeneratorSetup(data, model, context.Seed + i, heldOut);
            using var d = setup.TrainDiscriminator(new MlpOptions(2, 64), fit);
            var est = setup.JensenShannonLowerBound(d);
            var (trainedGrad, meanD) = TrainedMinimaxGradient(d, setup.HeldOutFake, sigma);
            table.Add(sigma, jsd, est.ToString(), g, trainedGrad, meanD);
            exact.Add(jsd);
            estimated.Add(est.Value);
            gradExact.Add(g);
            gradTrained.Add(trainedGrad);
        }
        var (path, relative) = context.Figure("06-disjoint-jsd.png");
        new TheoryFigure("Data on y = 0, G on y = 0.5, both blurred by noise σ", "noise σ", "JSD (nats)")
            .Line("exact JSD", noises, exact, markers: true)
            .Line("JSD_est from trained D", noises, estimated, dashed: true, markers: true)
            .HorizontalLine("log 2", Math.Log(2)).Save(path);
        var (gradPath, gradRelative) = context.Figure("06-disjoint-gradient.png");
        new TheoryFigure("G's minimax gradient through D (floored at 1e-12)", "noise σ", "log10 |∂L_G/∂δ|")
            .Line("through D*", noises, gradExact.Select(v => Math.Log10(Math.Max(v, 1e-12))).ToArray(), markers: true)
            .Line("through trained D", noises, gradTrained.Select(v => Math.Log10(Math.Max(v, 1e-12))).ToArray(), markers: true)
            .Save(gradPath);

        var checks = new[]
        {
            new TheoryCheck("jsd_smallest_noise", "exact JSD at σ = 0.02 (δ/σ = 25): already log 2", exact[1], Math.Log(2), 1e-6),
            new TheoryCheck("trained_jsd_disjoint", "JSD_est of a trained D at σ = 0 (approaches log 2 from below)", estimated[0], Math.Log(2), 0.05),
            new TheoryCheck("optimal_gradient_ratio", "|∂L_G/∂δ| through D* at σ = 0.05 / at σ = 0.5", gradExact[2] / gradExact[^1], 0, 1e-3, CheckKind.AtMost),
            new TheoryCheck("trained_gradient_ratio", "|∂L_G/∂δ| through the trained D at σ = 0 / at σ = 0.5", gradTrained[0] / gradTrained[^1], 0, 0.1, CheckKind.AtMost),
            new TheoryCheck("jsd_largest_noise", "exact JSD at σ = 0.5 (overlapping supports): well below log 2", exact[^1], Math.Log(2) - 0.3, 0, CheckKind.AtMost),
        };
        var what = $"P_data: (t, 0) + σε and P_G: (t, δ) + σε in 2D with t ~ U(−1, 1), ε ~ N(0, I), δ = {Offset}, for noise σ ∈ {{{string.Join(", ", noises)}}}. " +
                   "Exact JSD by 2D grid quadrature (log 2 when σ = 0, disjoint supports); the minimax stream loss E[log(1 − D(G(z)))] differentiated with respect to δ through D* (quadrature) " +
                   $"and through a trained D (MLP 2×64, {fit.Steps} Adam steps); JSD_est from the trained D on {heldOut} held-out samples of each.";
        var verdict = $"With σ = 0 the supports are disjoint: JSD = log 2 and the trained D reaches JSD_est = {estimated[0]:F3} while G's gradient through it is {gradTrained[0]:E1} " +
                      $"(against {gradTrained[^1]:E1} at σ = 0.5). Through D*, the gradient is {gradExact[1]:E1} at σ = 0.02 and {gradExact[^1]:E1} at σ = 0.5; the exact JSD stays at log 2 until σ is a sizeable fraction of δ " +
                      $"({exact[2]:F4} at σ = 0.05, {exact[^1]:F3} at σ = 0.5). Noise that makes the supports overlap gives both a JSD that varies with δ and a gradient.";
        return Result(what, new[] { table }, checks, verdict, relative, gradRelative);
    }

    /// <summary>JSD of the two blurred segments by 2D grid quadrature; the x-factor h(x) = [Φ((x+1)/σ) − Φ((x−1)/σ)]/2 is common to both.</summary>
    private static double ExactJensenShannon(double sigma)
    {
        var grid = QuadratureGrid.Rectangle(-1 - 7 * sigma, 1 + 7 * sigma, 200, -8 * sigma, Offset + 8 * sigma, 1200);
        using var scope = NewDisposeScope();
        var pts = grid.Points();
        var (logP, logQ) = (OffsetSegment.LogDensity(pts, 0, sigma), OffsetSegment.LogDensity(pts, Offset, sigma));
        return JensenShannon.Quadrature(logP, logQ, grid).item<double>();
    }

    /// <summary>∂/∂δ E_ε[log(1 − D*(δ + σε))] at δ = δ₀ with D* frozen: only y matters, l*(y) = ((y − δ₀)² − y²)/(2σ²).</summary>
    private static double ExactMinimaxGradient(double sigma)
    {
        using var scope = NewDisposeScope();
        var eps = QuadratureGrid.Line(-12, 12, 24000);
        var e = eps.Points().squeeze(1);
        var delta = tensor(Offset, dtype: float64).requires_grad_();
        var y = delta + sigma * e;
        var logit = OptimalDiscriminator.Logit(-y.pow(2) / (2 * sigma * sigma), -(y - Offset).pow(2) / (2 * sigma * sigma));   // the Gaussians' normalisers cancel
        var loss = eps.Integrate((-0.5 * e.pow(2)).exp() / Math.Sqrt(2 * Math.PI) * GanLosses.LogOneMinusD(logit));
        return autograd.grad(new[] { loss }, new[] { delta })[0].item<double>();
    }

    private static (double Gradient, double MeanD) TrainedMinimaxGradient(Module<Tensor, Tensor> d, Tensor fake, double sigma)
    {
        using var scope = NewDisposeScope();
        var delta = tensor(0f).requires_grad_();
        var shifted = fake + stack(new[] { zeros_like(delta), delta }).unsqueeze(0);          // G's samples moved by δ − δ₀ (= 0)
        var logits = d.forward(shifted);
        var loss = GanLosses.MinimaxGeneratorLoss(logits);
        double grad = Math.Abs(autograd.grad(new[] { loss }, new[] { delta })[0].item<float>());
        return (grad, logits.sigmoid().mean().item<float>());
    }

    /// <summary>(t, offset) + σε with t ~ U(−1, 1), ε ~ N(0, I): a segment in 2D, blurred when σ &gt; 0.</summary>
    private sealed class OffsetSegment : ITargetDistribution
    {
        private readonly double _offset;
        private readonly double _sigma;

        public OffsetSegment(double offset, double sigma)
        {
            _offset = offset;
            _sigma = sigma;
        }

        public string Name => $"segment y = {_offset}, σ = {_sigma}";

        public int Dimension => 2;

        public bool HasDensity => _sigma > 0;

        public Tensor Sample(long n, RandomStream stream)
        {
            using var scope = NewDisposeScope();
            var t = rand(new long[] { n }, generator: stream) * 2 - 1;
            var x = stack(new[] { t, full_like(t, _offset) }, 1) + randn(new long[] { n, 2 }, generator: stream) * _sigma;
            return x.MoveToOuterDisposeScope();
        }

        public Tensor LogDensity(Tensor x) => _sigma > 0
            ? LogDensity(x, _offset, _sigma)
            : throw new InvalidOperationException("A segment without noise has no density in 2D.");

        /// <summary>log p(x, y) = log h(x) + log N(y; offset, σ²).</summary>
        public static Tensor LogDensity(Tensor x, double offset, double sigma)
        {
            using var scope = NewDisposeScope();
            var u = x.select(1, 0);
            var v = x.select(1, 1);
            var h = (special.erf((u + 1) / (sigma * Math.Sqrt(2))) - special.erf((u - 1) / (sigma * Math.Sqrt(2)))) / 4;
            var logN = -0.5 * ((v - offset) / sigma).pow(2) - Math.Log(sigma) - 0.5 * Math.Log(2 * Math.PI);
            return (h.log() + logN).MoveToOuterDisposeScope();
        }
    }
}
