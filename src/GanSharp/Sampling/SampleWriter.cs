using System.Globalization;
using GanSharp.Runtime;
using GanSharp.Visualization;
using static TorchSharp.torch;

namespace GanSharp.Sampling;

/// <summary>Writes generated images [n, C, S, S] in [−1, 1]: as one grid, one PNG per image, a strip or an animated GIF.</summary>
public static class SampleWriter
{
    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> can be a file of one of <paramref name="extensions"/> (with the dot): not a
    /// folder, and named for its format, since the format follows the extension.
    /// </summary>
    /// <exception cref="ArgumentException">A folder, or another extension; the message names the path and the formats.</exception>
    public static void CheckFile(string path, params string[] extensions)
    {
        var name = string.Join(" or ", extensions);
        if (Directory.Exists(path))
            throw new ArgumentException($"The output {path} is a folder, but this output is one {name} file: give a file name such as {Path.Combine(path, "samples" + extensions[0])}.");
        var extension = Path.GetExtension(path);
        if (!extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"The output {path} {(extension.Length == 0 ? "has no extension" : $"has the extension {extension}")}, but this output is written as {name}: the format follows the extension, so name the file ….{extensions[0].TrimStart('.')}.");
    }

    /// <summary>Checks, before any work, that <paramref name="path"/> can be a folder of files (not an existing file).</summary>
    /// <exception cref="ArgumentException">A file is there.</exception>
    public static void CheckFolder(string path)
    {
        if (File.Exists(path)) throw new ArgumentException($"The output {path} is a file, but this output is a folder of PNG files: give a folder name.");
    }

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
            var framePaths = WriteFiles(frames.FullName, images, "frame");
            AtomicFile.WriteVia(path, temp => GifWriter.Write(framePaths, temp, delayCentiseconds));
        }
        finally
        {
            frames.Delete(recursive: true);
        }
    }
}
