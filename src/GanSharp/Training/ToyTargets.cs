using GanSharp.Data;
using GanSharp.Distributions;

namespace GanSharp.Training;

/// <summary>Turns a run's <c>data</c> setting into a target distribution.</summary>
public static class ToyTargets
{
    /// <summary>The built-in target called <paramref name="data"/>, or the points of the file it names.</summary>
    /// <exception cref="ArgumentException">Neither a built-in name nor a point file.</exception>
    /// <exception cref="FileNotFoundException">The point file does not exist.</exception>
    /// <exception cref="InvalidDataException">The point file is malformed.</exception>
    public static ITargetDistribution Resolve(string data)
    {
        if (TargetDistributions.Names.Contains(data.ToLowerInvariant())) return TargetDistributions.ByName(data);
        if (ToyRunConfig.PointFileExtensions.Contains(Path.GetExtension(data).ToLowerInvariant())) return PointFileReader.Read(data);
        return TargetDistributions.ByName(data);
    }
}
