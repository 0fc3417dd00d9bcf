using GanSharp.Runtime;
using SkiaSharp;
using static TorchSharp.torch;

namespace GanSharp.Visualization;

/// <summary>Writes a picture tensor [C, H, W] in [0, 1] (C = 1 or 3) as a PNG file.</summary>
public static class PngImage
{
    /// <summary>Encodes <paramref name="picture"/> [C, H, W] in [0, 1] to <paramref name="path"/>, creating its folder; atomically (<see cref="AtomicFile"/>).</summary>
    public static void Write(string path, Tensor picture)
    {
        using var bitmap = ToBitmap(picture);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.Write(path, data.SaveTo);
    }

    /// <summary>[C, H, W] in [0, 1] ↦ interleaved RGBA bytes [H, W, 4] (gray repeated over R, G, B; opaque).</summary>
    public static byte[] ToRgba(Tensor picture)
    {
        if (picture.dim() != 3 || picture.shape[0] is not (1 or 3))
            throw new ArgumentException($"A picture must be [1 or 3, H, W] (got [{string.Join(", ", picture.shape)}]).", nameof(picture));
        using var scope = NewDisposeScope();
        var rgb = picture.shape[0] == 1 ? picture.expand(3, -1, -1) : picture;
        var bytes = rgb.mul(255).round().clamp(0, 255).to_type(uint8).permute(1, 2, 0);   // [3, H, W] → [H, W, 3]
        var rgba = cat(new[] { bytes, full(bytes.shape[0], bytes.shape[1], 1, 255, dtype: uint8) }, dim: 2);   // [H, W, 4]
        return rgba.contiguous().data<byte>().ToArray();
    }

    private static SKBitmap ToBitmap(Tensor picture)
    {
        var rgba = ToRgba(picture);
        int h = (int)picture.shape[1], w = (int)picture.shape[2];
        var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }
}
