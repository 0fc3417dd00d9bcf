namespace GanSharp.Visualization;

/// <summary>What a 1D training frame shows, every curve on the grid <paramref name="X"/>.</summary>
/// <param name="Title">Title.</param>
/// <param name="X">Grid of x values, increasing.</param>
/// <param name="DataDensity">p_data(x): exact where known, otherwise a density estimate of the data.</param>
/// <param name="DataDensityIsExact">Whether <paramref name="DataDensity"/> is the exact density.</param>
/// <param name="GeneratedDensity">p_G(x), a kernel density estimate of generated samples.</param>
/// <param name="Discriminator">D(x).</param>
/// <param name="OptimalDiscriminator">D*(x) = p_data / (p_data + p_G), or null where p_data is not known exactly.</param>
public sealed record Frame1D(
    string Title,
    double[] X,
    double[] DataDensity,
    bool DataDensityIsExact,
    double[] GeneratedDensity,
    double[] Discriminator,
    double[]? OptimalDiscriminator);
