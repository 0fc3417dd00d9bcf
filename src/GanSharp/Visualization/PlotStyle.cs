using System.Globalization;
using ScottPlot;

namespace GanSharp.Visualization;

/// <summary>Colours shared by every picture: real data green, generated data blue, D orange-red.</summary>
internal static class PlotStyle
{
    public static readonly Color Real = Color.FromHex("#2CA02C");
    public static readonly Color Generated = Color.FromHex("#1F5FD6");
    public static readonly Color Discriminator = Color.FromHex("#D7301F");
    public static readonly Color OptimalDiscriminator = Color.FromHex("#7F3B08");

    /// <summary>White (D = 0) through pale orange to red (D = 1): light enough that green and blue points stay visible.</summary>
    public static IColormap DiscriminatorColormap() => new ScottPlot.Colormaps.CustomInterpolated(new[]
    {
        Color.FromHex("#FFFFFF"), Color.FromHex("#FEE8C8"), Color.FromHex("#FDBB84"), Color.FromHex("#E34A33"),
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
