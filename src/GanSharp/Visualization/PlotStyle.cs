using System.Globalization;
using ScottPlot;

namespace GanSharp.Visualization;

/// <summary>Colours shared by every picture: real data green, generated data blue, D orange-red (the lab's page, src/GanSharp.Lab/Page/lab.js, uses the same).</summary>
internal static class PlotStyle
{
    public static readonly Color Real = Color.FromHex("#2CA02C");
    public static readonly Color Generated = Color.FromHex("#1F5FD6");
    public static readonly Color Discriminator = Color.FromHex("#D7301F");
    public static readonly Color OptimalDiscriminator = Color.FromHex("#7F3B08");

    /// <summary>
    /// D's colour scale, diverging and centred on D = ½ (where D* sits once p_G = p_data, and where a trained D ends up wherever G has
    /// caught up): pale purple (D = 0, "generated") through near-white (½) to pale orange (D = 1, "real"), evenly spaced at 0, ¼, ½, ¾, 1.
    /// A scale from white at 0 spent most of its range on values D rarely takes late in training, so a late frame was almost all white.
    /// Both ends stay pale, so green and blue points stay visible on them.
    /// </summary>
    public static IColormap DiscriminatorColormap() => new ScottPlot.Colormaps.CustomInterpolated(new[]
    {
        Color.FromHex("#B2ABD2"), Color.FromHex("#D8DAEB"), Color.FromHex("#F7F7F7"), Color.FromHex("#FEE0B6"), Color.FromHex("#FDB863"),
    });

    /// <summary>
    /// Runs <paramref name="save"/> in the invariant culture: ScottPlot formats tick labels in the current culture while
    /// it renders, and a picture should read 0.5, not 0,5, whatever the machine's language.
    /// </summary>
    public static void InvariantCulture(Action save)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            save();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
