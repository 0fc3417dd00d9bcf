using GanSharp.Distributions;
using GanSharp.Gan;
using GanSharp.Models;
using static TorchSharp.torch;

namespace GanSharp.Theory.Experiments;

/// <summary>Claim 2: D trained against a fixed G converges to D* = p_data / (p_data + p_G); with P_G = P_data, D* = ½ and max V = −2 log 2.</summary>
public sealed class OptimalDiscriminatorExperiment : TheoryExperiment
{
    /// <inheritdoc />
    public override string Id => "optimal-d";

    /// <inheritdoc />
    public override int Number => 2;

    /// <inheritdoc />
    public override string Title => "The optimal discriminator D* = p_data / (p_data + p_G)";

    /// <inheritdoc />
    public override string Claim => "For a fixed G, the D that maximises V(G, D) is D*(x) = p_data(x) / (p_data(x) + p_G(x)); when P_G = P_data it is ½ everywhere and max_D V = −2 log 2.";

    /// <summary>D's shape: two hidden layers of 32 ReLU units.</summary>
    public static readonly MlpOptions Shape = new(2, 32);

    /// <inheritdoc />
    protected override TheoryResult Measure(TheoryContext context)
    {
        var data = TargetDistributions.Gaussian1D(1.0, 0.5);
        var shifted = TargetDistributions.Gaussian1D(-0.5, 1.0);   // G(z) = −0.5 + 1.0 z, z ~ N(0, 1)
        var fit = new DiscriminatorFitOptions(context.Size(1500, 5000), 512, 3e-3);
        int heldOut = context.Size(20000, 200000);
        var grid = QuadratureGrid.Line(-4, 4, 801);
        var table = new TheoryTable("P_G", "mean |D − D*| (weighted by (p_data + p_G)/2)", "max |D − D*| on the support", "V(G, D) held-out", "max_D V = −2 log 2 + 2 JSD");
        var figure = new TheoryFigure("Trained D against D* = p_data / (p_data + p_G)", "x", "D(x)");
        var errors = new List<(double Mean, double Max, double Value, double ValueSe, double Best)>();
        foreach (var (model, index) in new[] { (shifted, 0), (data, 1) })
        {
            context.Report(index / 2.0);
            using var setup = new FixedGeneratorSetup(data, model, context.Seed + index, heldOut);
            var d = setup.TrainDiscriminator(Shape, fit);
            using var scope = NewDisposeScope();
            var x = grid.Points();
            var logData = data.LogDensity(x);
            var logModel = model.LogDensity(x);
            var optimal = OptimalDiscriminator.Probability(logData, logModel).data<double>().ToArray();
            var trained = DiscriminatorFitting.Probabilities(d, x);
            var mixture = ((logData.exp() + logModel.exp()) / 2).data<double>().ToArray();
            double peak = mixture.Max();
            // The support: where the mixture density is at least 1% of its peak (outside, D is unconstrained by data).
            var support = Enumerable.Range(0, grid.Count).Where(i => mixture[i] >= 0.01 * peak).ToArray();
            double weight = support.Sum(i => mixture[i]);
            double mean = support.Sum(i => mixture[i] * Math.Abs(trained[i] - optimal[i])) / weight;
            double max = support.Max(i => Math.Abs(trained[i] - optimal[i]));
            var value = DiscriminatorFitting.Value(d, setup.HeldOutReal, setup.HeldOutFake);
            double best = OptimalDiscriminator.MaxValue(JensenShannon.Quadrature(data, model, QuadratureGrid.Line(-12, 12, 20000)));
            errors.Add((mean, max, value.Value, value.StandardError, best));
            string name = index == 0 ? "N(−0.5, 1²): G(z) = −0.5 + z" : "N(1, 0.5²) = P_data: G(z) = 1 + 0.5 z";
            table.Add(name, mean, max, value.ToString(), best);
            var xs = x.squeeze(1).data<double>().ToArray();
            figure.Line($"D*, {name}", xs, optimal, dashed: true);
            figure.Line($"trained D, {name}", xs, trained);
            d.Dispose();
        }
        var (path, relative) = context.Figure("02-optimal-d.png");
        figure.YRange(-0.02, 1.02).LegendAt(ScottPlot.Alignment.UpperLeft).Save(path);

        var checks = new[]
        {
            new TheoryCheck("mean_abs_error_shifted", "mean |D − D*| over the support, P_G = N(−0.5, 1²)", errors[0].Mean, 0, 0.03),
            new TheoryCheck("max_abs_error_shifted", "max |D − D*| over the support, P_G = N(−0.5, 1²)", errors[0].Max, 0, 0.1),
            new TheoryCheck("mean_abs_error_equal", "mean |D − ½| over the support, P_G = P_data", errors[1].Mean, 0, 0.03),
            new TheoryCheck("value_equal", "held-out V(G, D) with P_G = P_data (theory: −2 log 2 = −1.3863)", errors[1].Value, -2 * Math.Log(2), Math.Max(0.01, 3 * errors[1].ValueSe)),
        };
        var what = $"P_data = N(1, 0.5²). G is fixed and affine on z ~ N(0, 1): first G(z) = −0.5 + z, then G(z) = 1 + 0.5 z (so P_G = P_data). " +
                   $"D (MLP 2×32 ReLU) was trained with Adam (lr 3e-3, batch 512 of each) for {fit.Steps} steps on fresh samples, then compared with D* on a grid of 801 points on [−4, 4]; " +
                   $"the support is where (p_data + p_G)/2 ≥ 1% of its peak. V(G, D) is estimated on {heldOut} held-out samples of each.";
        var verdict = $"D converges to D*: mean error {errors[0].Mean:F4}, max {errors[0].Max:F3} for P_G ≠ P_data; with P_G = P_data, D stays within {errors[1].Mean:F4} of ½ on average " +
                      $"and the held-out V = {errors[1].Value:F4} ± {errors[1].ValueSe:F4} against −2 log 2 = {-2 * Math.Log(2):F4}. Off the support D is not pinned down by any sample and drifts.";
        return Result(what, new[] { table }, checks, verdict, relative);
    }
}
