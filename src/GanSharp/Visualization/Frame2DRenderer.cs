using ScottPlot;

namespace GanSharp.Visualization;

/// <summary>
/// Draws a <see cref="Frame2D"/> as the lab's page does: D(x) as a heat map on a scale centred on ½ with its colour bar, real points green,
/// generated points blue on top of them, and the legend under the plot, off the data.
/// </summary>
public static class Frame2DRenderer
{
    /// <summary>Writes the frame as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static void Render(Frame2D frame, string path, int width = 640, int height = 560)
    {
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(frame.Discriminator);
        heatmap.Extent = new CoordinateRect(frame.Region.XMin, frame.Region.XMax, frame.Region.YMin, frame.Region.YMax);
        heatmap.Colormap = PlotStyle.DiscriminatorColormap();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "D(x)   (½: D cannot tell)";

        // Generated points over the real ones: where G puts its mass is what the frame is about. Drawn the other way round, the
        // data hid every generated point on a mode and the eye saw only the few between the modes.
        var real = plot.Add.Markers(frame.RealX, frame.RealY, MarkerShape.FilledCircle, 3, PlotStyle.Real);
        real.LegendText = "real data";
        var generated = plot.Add.Markers(frame.GeneratedX, frame.GeneratedY, MarkerShape.FilledCircle, 3, PlotStyle.Generated);
        generated.LegendText = "generated G(z)";

        plot.Title(frame.Title);
        plot.XLabel("x₁");
        plot.YLabel("x₂");
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.SetLimits(frame.Region.XMin, frame.Region.XMax, frame.Region.YMin, frame.Region.YMax);
        PlotStyle.InvariantCulture(() => plot.SavePng(path, width, height));
    }
}
