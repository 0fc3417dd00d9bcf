using ScottPlot;

namespace GanSharp.Theory.Experiments;

/// <summary>A small line/point chart for the theory report, drawn with ScottPlot and saved as PNG.</summary>
public sealed class TheoryFigure : IDisposable
{
    /// <summary>Width of a saved figure in pixels.</summary>
    public const int Width = 720;

    /// <summary>Height of a saved figure in pixels.</summary>
    public const int Height = 440;

    private readonly Plot _plot = new();
    private int _series;
    private Alignment _legend = Alignment.UpperRight;

    /// <param name="title">Title over the chart.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    public TheoryFigure(string title, string xLabel, string yLabel)
    {
        _plot.Title(title);
        _plot.XLabel(xLabel);
        _plot.YLabel(yLabel);
    }

    /// <summary>A line through (x, y); dashed lines mark theory, solid ones measurements.</summary>
    public TheoryFigure Line(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, bool dashed = false, bool markers = false)
    {
        var s = _plot.Add.Scatter(x.ToArray(), y.ToArray(), NextColor());
        s.LegendText = label;
        s.LineWidth = 2;
        s.MarkerSize = markers ? 6 : 0;
        if (dashed) s.LinePattern = LinePattern.Dashed;
        return this;
    }

    /// <summary>Unconnected points at (x, y).</summary>
    public TheoryFigure Points(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, float size = 3)
    {
        var s = _plot.Add.ScatterPoints(x.ToArray(), y.ToArray(), NextColor());
        s.LegendText = label;
        s.MarkerSize = size;
        return this;
    }

    /// <summary>A horizontal reference line at <paramref name="y"/>.</summary>
    public TheoryFigure HorizontalLine(string label, double y)
    {
        var line = _plot.Add.HorizontalLine(y);
        line.LinePattern = LinePattern.Dotted;
        line.LineWidth = 1.5f;
        line.Color = Colors.Gray;
        line.LegendText = label;
        return this;
    }

    /// <summary>Fixes the vertical range.</summary>
    public TheoryFigure YRange(double min, double max)
    {
        _plot.Axes.SetLimitsY(min, max);
        return this;
    }

    /// <summary>Puts the legend in another corner, where it hides no curve.</summary>
    public TheoryFigure LegendAt(Alignment corner)
    {
        _legend = corner;
        return this;
    }

    /// <summary>Saves the chart as PNG at <paramref name="path"/> (tick labels in the invariant culture) and releases the chart.</summary>
    public void Save(string path)
    {
        _plot.ShowLegend(_legend);
        Visualization.PlotStyle.InvariantCulture(() => _plot.SavePng(path, Width, Height));
        Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => _plot.Dispose();

    private Color NextColor() => new ScottPlot.Palettes.Category10().GetColor(_series++);
}
