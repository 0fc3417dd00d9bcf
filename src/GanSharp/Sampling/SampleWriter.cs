using System.Globalization;
using GanSharp.Visualization;
using static TorchSharp.torch;

namespace GanSharp.Sampling;

/// <summary>Writes generated images [n, C, S, S] in [−1, 1]: as one grid, one PNG per image, a strip or an animated GIF.</summary>
public static class SampleWriter
{
    /// <summary>One PNG grid of ⌈√n⌉ columns (or <paramref name="columns"/>).</summary>
    public static void WriteGrid(string path, Tensor images, int? columns = null)
    {
        using var grid = ImageGrid.Compose(images, columns ?? (int)Math.Ceiling(Math.Sqrt(images.shape[0])));
        PngImage.Write(path, grid);
    }

    /// <summary>One PNG per image in <paramref name="directory"/>: <c>sample-0000.png</c>, …; returns the paths.</summary>
    public static IReadOnlyList<string> WriteFiles(string directory, Tensor images, string prefix = "sample")
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        for (long i = 0; i < images.shape[0]; i++)
        {
            var path = Path.Combine(directory, $"{prefix}-{i.ToString("D4", CultureInfo.InvariantCulture)}.png");
            using var picture = images[i].add(1).div(2).clamp(0, 1);   // [C, S, S] in [0, 1]
            PngImage.Write(path, picture);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The images as the frames of a looping animated GIF.</summary>
    public static void WriteGif(string path, Tensor images, int delayCentiseconds = 10)
    {
        var frames = Directory.CreateTempSubdirectory("gansharp-gif-");
        try
        {
            GifWriter.Write(WriteFiles(frames.FullName, images, "frame"), path, delayCentiseconds);
        }
        finally
        {
            frames.Delete(recursive: true);
        }
    }
}
