using ScottPlot;

namespace GanSharp.Visualization;

/// <summary>Draws a <see cref="Frame1D"/>: densities on the left axis, D(x) and D*(x) in [0, 1] on the right axis.</summary>
public static class Frame1DRenderer
{
    /// <summary>Writes the frame as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static void Render(Frame1D frame, string path, int width = 640, int height = 560)
    {
        var plot = new Plot();
        var data = plot.Add.ScatterLine(frame.X, frame.DataDensity, PlotStyle.Real);
        data.LineWidth = 2.5f;
        data.LegendText = frame.DataDensityIsExact ? "p_data (exact)" : "p_data (KDE of the points)";
        var generated = plot.Add.ScatterLine(frame.X, frame.GeneratedDensity, PlotStyle.Generated);
        generated.LineWidth = 2.5f;
        generated.LegendText = "p_G (KDE of G(z))";

        var d = plot.Add.ScatterLine(frame.X, frame.Discriminator, PlotStyle.Discriminator);
        d.LineWidth = 2;
        d.LegendText = "D(x)";
        d.Axes.YAxis = plot.Axes.Right;
        if (frame.OptimalDiscriminator is { } optimal)
        {
            var dStar = plot.Add.ScatterLine(frame.X, optimal, PlotStyle.OptimalDiscriminator);
            dStar.LineWidth = 2;
            dStar.LinePattern = LinePattern.Dashed;
            dStar.LegendText = "D*(x) = p_data / (p_data + p_G)";
            dStar.Axes.YAxis = plot.Axes.Right;
        }

        // A collapsed p_G can be a spike many times higher than p_data; clip it rather than flatten p_data.
        double dataTop = frame.DataDensity.DefaultIfEmpty(0).Max();
        double top = Math.Min(Math.Max(dataTop, frame.GeneratedDensity.DefaultIfEmpty(0).Max()), 2.5 * dataTop);
        plot.Axes.SetLimitsX(frame.X[0], frame.X[^1]);
        plot.Axes.SetLimitsY(0, top > 0 && double.IsFinite(top) ? 1.15 * top : 1, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 1.15, plot.Axes.Right);
        plot.Title(frame.Title);
        plot.XLabel("x");
        plot.Axes.Left.Label.Text = "density";
        plot.Axes.Right.Label.Text = "D(x)";
        plot.ShowLegend(Alignment.UpperLeft);
        PlotStyle.InvariantCulture(() => plot.SavePng(path, width, height));
    }
}
