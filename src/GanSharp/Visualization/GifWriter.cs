using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;
using SkiaSharp;

namespace GanSharp.Visualization;

/// <summary>Joins PNG frames of one size into a looping animated GIF (PNG decoding by SkiaSharp, GIF encoding by ImageSharp).</summary>
public static class GifWriter
{
    /// <summary>Writes <paramref name="framePaths"/> in order, each shown for <paramref name="delayCentiseconds"/> (the last one four times as long).</summary>
    public static void Write(IReadOnlyList<string> framePaths, string path, int delayCentiseconds = 20)
    {
        if (framePaths.Count == 0) throw new ArgumentException("An animation needs at least one frame.", nameof(framePaths));
        Image<Rgba32>? gif = null;
        try
        {
            for (int i = 0; i < framePaths.Count; i++)
            {
                using var frame = Decode(framePaths[i]);
                if (gif is not null && (frame.Width != gif.Width || frame.Height != gif.Height))
                    throw new ArgumentException($"Frame '{framePaths[i]}' is {frame.Width}×{frame.Height}, the first frame {gif.Width}×{gif.Height}.");
                var added = gif is null ? (gif = frame.Clone()).Frames.RootFrame : gif.Frames.AddFrame(frame.Frames.RootFrame);
                added.Metadata.GetGifMetadata().FrameDelay = i == framePaths.Count - 1 ? 4 * delayCentiseconds : delayCentiseconds;
            }
            gif!.Metadata.GetGifMetadata().RepeatCount = 0;
            var encoder = new GifEncoder
            {
                ColorTableMode = GifColorTableMode.Global,
                Quantizer = new OctreeQuantizer(new QuantizerOptions { Dither = null }),
            };
            gif.SaveAsGif(path, encoder);
        }
        finally
        {
            gif?.Dispose();
        }
    }

    private static Image<Rgba32> Decode(string path)
    {
        using var decoded = SKBitmap.Decode(path) ?? throw new InvalidDataException($"Frame '{path}' is not a readable image.");
        using var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!decoded.CopyTo(rgba, SKColorType.Rgba8888)) throw new InvalidDataException($"Frame '{path}' could not be converted to RGBA.");
        return Image.LoadPixelData<Rgba32>(rgba.Bytes, rgba.Width, rgba.Height);
    }
}
