namespace GanSharp.Visualization;

/// <summary>What a 2D training frame shows.</summary>
/// <param name="Title">Title, e.g. "ring · non-saturating · iteration 1,000".</param>
/// <param name="RealX">x of real points.</param>
/// <param name="RealY">y of real points.</param>
/// <param name="GeneratedX">x of generated points.</param>
/// <param name="GeneratedY">y of generated points.</param>
/// <param name="Discriminator">D(x) on a regular grid over <paramref name="Region"/>, [rows, columns]; row 0 is the top (y = YMax), column 0 the left (x = XMin).</param>
/// <param name="Region">The area shown.</param>
public sealed record Frame2D(
    string Title,
    double[] RealX,
    double[] RealY,
    double[] GeneratedX,
    double[] GeneratedY,
    double[,] Discriminator,
    PlotRegion Region);
