using SkiaSharp;

namespace GanSharp.Tests.Data;

/// <summary>Writes small pictures for loader and training tests.</summary>
internal static class TestPictures
{
    /// <summary>A <paramref name="width"/>×<paramref name="height"/> picture, <paramref name="paint"/>(x, y) per pixel, as PNG or JPEG by extension.</summary>
    public static void Write(string path, int width, int height, Func<int, int, SKColor> paint)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                bitmap.SetPixel(x, y, paint(x, y));
        var format = string.Equals(Path.GetExtension(path), ".png", StringComparison.OrdinalIgnoreCase) ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 100);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data.ToArray());
    }

    /// <summary>A picture of one colour.</summary>
    public static void Solid(string path, int width, int height, SKColor color) => Write(path, width, height, (_, _) => color);
}
