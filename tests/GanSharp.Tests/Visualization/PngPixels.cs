using SkiaSharp;

namespace GanSharp.Tests.Visualization;

/// <summary>Reads a PNG's size and counts its pixels near a colour (decoded by SkiaSharp).</summary>
internal sealed class PngPixels
{
    private readonly SKColor[] _pixels;

    public PngPixels(string path)
    {
        using var bitmap = SKBitmap.Decode(path) ?? throw new InvalidDataException($"'{path}' is not an image.");
        Width = bitmap.Width;
        Height = bitmap.Height;
        _pixels = bitmap.Pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Pixels whose red, green and blue each lie within <paramref name="tolerance"/> of <paramref name="hex"/>.</summary>
    public int CountNear(string hex, int tolerance = 40)
    {
        var c = SKColor.Parse(hex);
        return _pixels.Count(p => Math.Abs(p.Red - c.Red) <= tolerance && Math.Abs(p.Green - c.Green) <= tolerance && Math.Abs(p.Blue - c.Blue) <= tolerance);
    }
}
