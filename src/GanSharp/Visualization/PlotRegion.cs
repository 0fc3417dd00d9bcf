namespace GanSharp.Visualization;

/// <summary>The rectangle a 2D picture shows, in data coordinates.</summary>
public sealed record PlotRegion(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>The smallest region holding every point, widened by <paramref name="margin"/> of its size on each side (at least 0.5).</summary>
    public static PlotRegion Around(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double margin = 0.25)
    {
        if (xs.Count == 0 || xs.Count != ys.Count) throw new ArgumentException("A region needs the same, non-zero number of x and y values.");
        double x0 = xs.Min(), x1 = xs.Max(), y0 = ys.Min(), y1 = ys.Max();
        double padX = Math.Max(0.5, margin * (x1 - x0)), padY = Math.Max(0.5, margin * (y1 - y0));
        return new PlotRegion(x0 - padX, x1 + padX, y0 - padY, y1 + padY);
    }

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double[] Linspace(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => count == 1 ? from : from + (to - from) * i / (count - 1)).ToArray();
}
