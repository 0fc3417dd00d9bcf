using ScottPlot;

namespace GanSharp.Visualization;

/// <summary>Draws <c>curves.png</c>: losses and V̂, D's mean outputs, G's gradient norm and (for modal targets) the mode metrics, stacked over a shared iteration axis.</summary>
public static class TrainingCurvesRenderer
{
    /// <summary>Writes the curves as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static void Render(TrainingCurves curves, string path, int width = 900, int height = 1000)
    {
        bool modal = curves.MetricIterations.Length > 0;
        var multiplot = new Multiplot();
        multiplot.AddPlots(modal ? 4 : 3);

        var losses = multiplot.GetPlot(0);
        Line(losses, curves.Iterations, curves.DiscriminatorLoss, PlotStyle.Discriminator, "D loss");
        Line(losses, curves.Iterations, curves.GeneratorLoss, PlotStyle.Generated, "G loss");
        Line(losses, curves.Iterations, curves.Value, Colors.Black, "V̂(G, D)");
        losses.Title("Losses and the minibatch estimate of V(G, D)");

        var outputs = multiplot.GetPlot(1);
        Line(outputs, curves.Iterations, curves.MeanDReal, PlotStyle.Real, "mean D(x), real");
        Line(outputs, curves.Iterations, curves.MeanDFake, PlotStyle.Generated, "mean D(G(z)), generated");
        outputs.Axes.SetLimitsY(0, 1);
        outputs.Title("Discriminator outputs");

        var grad = multiplot.GetPlot(2);
        Line(grad, curves.Iterations, curves.GeneratorGradNorm, Colors.Purple, "‖∇θ L_G‖");
        grad.Title("Generator gradient norm");

        if (modal)
        {
            var modes = multiplot.GetPlot(3);
            Line(modes, curves.MetricIterations, curves.ModesCapturedFraction, PlotStyle.Real, "modes captured / modes", markers: true);
            Line(modes, curves.MetricIterations, curves.HighQualityFraction, PlotStyle.Generated, "high-quality fraction", markers: true);
            modes.Axes.SetLimitsY(0, 1.05);
            modes.Title("Mode metrics (2,500 samples)");
        }

        var plots = Enumerable.Range(0, modal ? 4 : 3).Select(multiplot.GetPlot).ToArray();
        plots[^1].XLabel("iteration");
        foreach (var p in plots) p.ShowLegend(modal && p == plots[^1] ? Alignment.LowerRight : Alignment.UpperRight);
        PlotStyle.InvariantCulture(() => multiplot.SavePng(path, width, height));
    }

    private static void Line(Plot plot, double[] xs, double[] ys, Color color, string label, bool markers = false)
    {
        var line = plot.Add.Scatter(xs, ys, color);
        line.LegendText = label;
        line.LineWidth = 1.5f;
        line.MarkerSize = markers ? 5 : 0;
    }
}
