namespace GanSharp.Theory.Experiments;

/// <summary>What every experiment gets: its size, its seed, where figures go, and a way to report progress.</summary>
/// <param name="Quick">Small versions (minutes for all twelve on two cores) instead of the full ones.</param>
/// <param name="OutputDirectory">Folder of the report; figures go to its <c>figures/</c> subfolder.</param>
/// <param name="Seed">Base seed; every random stream derives from it.</param>
/// <param name="Progress">Receives the fraction done of the running experiment (0–1).</param>
public sealed record TheoryContext(bool Quick, string OutputDirectory, int Seed = 0, Action<double>? Progress = null)
{
    /// <summary>Folder name of the figures inside <see cref="OutputDirectory"/>.</summary>
    public const string FigureFolder = "figures";

    /// <summary>Picks the quick or the full size of a setting.</summary>
    public T Size<T>(T quick, T full) => Quick ? quick : full;

    /// <summary>The absolute path for figure <paramref name="fileName"/>, and the path relative to the report.</summary>
    public (string Absolute, string Relative) Figure(string fileName)
    {
        var folder = Path.Combine(OutputDirectory, FigureFolder);
        Directory.CreateDirectory(folder);
        return (Path.Combine(folder, fileName), $"{FigureFolder}/{fileName}");
    }

    /// <summary>Reports that <paramref name="fraction"/> of the running experiment is done.</summary>
    public void Report(double fraction) => Progress?.Invoke(Math.Clamp(fraction, 0, 1));
}
