using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Objectives;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>Claim 7: V(G_{t+1}, D*_t) tracks the true −2 log 2 + 2 JSD(G_{t+1}) only while G moves a little.</summary>
public sealed class GeneratorStepSizeExperiment : TheoryExperiment
{
    /// <inheritdoc />
    public override string Id => "g-step";

    /// <inheritdoc />
    public override int Number => 7;

    /// <inheritdoc />
    public override string Title => "Don't move G too far";

    /// <inheritdoc />
    public override string Claim => "With D fixed at the optimum for G_t, V(G_{t+1}, D*_t) is a good stand-in for the true −2 log 2 + 2 JSD(P_data‖P_{G_{t+1}}) only for small generator steps; that is why the algorithm takes one small G step per D update.";

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        var data = TargetDistributions.Gaussian1D(0, 1);
        var grid = QuadratureGrid.Line(-20, 20, context.Size(20000, 80000));
        double mu0 = 3, logSigma0 = 0;
        using var x = grid.Points();
        using var logData = data.LogDensity(x);
        using var logStar = OptimalDiscriminator.Logit(logData, GaussianDensity.Log(x.squeeze(1), tensor(mu0, dtype: float64), tensor(logSigma0, dtype: float64)));

        // V(G_θ, D*_t) = E_data[log D*_t] + E_{G_θ}[log(1 − D*_t)].
        double[] Surrogate(double mu, double logSigma, out double[] gradient)
        {
            using var scope = NewDisposeScope();
            var m = tensor(mu, dtype: float64).requires_grad_();
            var s = tensor(logSigma, dtype: float64).requires_grad_();
            var logModel = GaussianDensity.Log(x.squeeze(1), m, s);
            var v = grid.Integrate(logData.exp() * GanLosses.LogD(logStar)) + grid.Integrate(logModel.exp() * GanLosses.LogOneMinusD(logStar));
            var jsd = JensenShannon.Quadrature(logData, logModel, grid);
            var grads = autograd.grad(new[] { v }, new[] { m, s });
            gradient = grads.Select(g => g.item<double>()).ToArray();
            return new[] { v.item<double>(), jsd.item<double>() };
        }

        var start = Surrogate(mu0, logSigma0, out var g0);
        // G moves its mean downhill on V (σ stays 1, so every P_G lies well inside the quadrature box).
        var direction = new[] { -Math.Sign(g0[0]), 0.0 };
        double[] steps = { 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 6 };
        var table = new TheoryTable("step |Δμ|", "μ_{t+1}", "σ_{t+1}", "V(G_{t+1}, D*_t)", "JSD implied by V: (V + 2 log 2)/2", "true JSD(G_{t+1})", "true − implied");
        var implied = new List<double>();
        var truth = new List<double>();
        table.Add(0.0, mu0, Math.Exp(logSigma0), start[0], OptimalDiscriminator.JensenShannonFromValue(start[0]), start[1], start[1] - OptimalDiscriminator.JensenShannonFromValue(start[0]));
        foreach (var step in steps)
        {
            double mu = mu0 + step * direction[0], ls = logSigma0 + step * direction[1];
            var r = Surrogate(mu, ls, out _);
            double j = OptimalDiscriminator.JensenShannonFromValue(r[0]);
            implied.Add(j);
            truth.Add(r[1]);
            table.Add(step, mu, Math.Exp(ls), r[0], j, r[1], r[1] - j);
        }
        var (path, relative) = context.Figure("07-g-step.png");
        new TheoryFigure("One G step against a frozen D*_t (G_t = N(3, 1), P_data = N(0, 1))", "step |Δμ|", "nats")
            .Line("true JSD(G_{t+1})", steps, truth, markers: true)
            .Line("(V(G_{t+1}, D*_t) + 2 log 2)/2", steps, implied, dashed: true, markers: true)
            .Save(path);

        double smallGap = truth[0] - implied[0];
        double largeGap = truth[^1] - implied[^1];
        int best = truth.IndexOf(truth.Min());
        var checks = new[]
        {
            new TheoryCheck("gap_small_step", "true − implied JSD after a step of 0.05", smallGap, 0, 1e-3),
            new TheoryCheck("gap_large_step", "true − implied JSD after a step of 6", largeGap, 0.2, 0, CheckKind.AtLeast),
            new TheoryCheck("never_above_truth", "min over steps of (true − implied): V(G, D*_t) never exceeds max_D V(G, D)", truth.Zip(implied, (a, b) => a - b).Min(), 0, 1e-9, CheckKind.AtLeast),
        };
        var what = "P_data = N(0, 1); G_t: z ↦ 3 + z, so P_{G_t} = N(3, 1), with parameters θ = (μ, log σ). D*_t is computed exactly for G_t and frozen. " +
                   "G then takes one step of length |Δμ| down the gradient of V(G_θ, D*_t) in μ (towards the data); V(G_{t+1}, D*_t) and the true JSD(G_{t+1}) are both computed by quadrature.";
        var verdict = $"For a small step the frozen D*_t is nearly optimal for G_{{t+1}} and V tracks the JSD (gap {smallGap:E1} nats). For larger steps V keeps promising progress that is not there: " +
                      $"after a step of {steps[^1]} the implied JSD is {implied[^1]:F3} nats (even negative, which no JSD can be) while the true JSD is {truth[^1]:F3}; the true JSD is lowest at a step of {steps[best]} and rises after. " +
                      "One small G step per D update keeps D close to optimal for the G it scores.";
        return Result(what, new[] { table }, checks, verdict, relative);
    }
}
