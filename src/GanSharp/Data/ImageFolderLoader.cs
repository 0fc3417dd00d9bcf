using System.Globalization;
using SkiaSharp;

namespace GanSharp.Data;

/// <summary>
/// Loads a folder of PNG/JPEG pictures (recursively, in ordinal path order) as square training images:
/// decode, centre-crop to the largest square, resize to the target side, convert to grayscale or RGB, scale to [−1, 1].
/// </summary>
public static class ImageFolderLoader
{
    private static readonly string[] Extensions = { ".png", ".jpg", ".jpeg" };

    /// <summary>The most pixels a picture may have (a 10,000 × 10,000 photo): decoding one takes 4 bytes a pixel before it is resized.</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>The picture files under <paramref name="directory"/>, sorted by ordinal path.</summary>
    public static IReadOnlyList<string> FindImageFiles(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Loads the folder; with <paramref name="cachePath"/>, reuses the decoded tensor saved there when the files have not changed, and saves it otherwise.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="InvalidDataException">No readable picture in the folder; the message lists what was skipped.</exception>
    public static ImageFolderResult Load(ImageFolderOptions options, string? cachePath = null)
    {
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException("Invalid image folder options: " + string.Join(" ", problems), nameof(options));
        if (!System.IO.Directory.Exists(options.Directory)) throw new DirectoryNotFoundException($"Image folder not found: {options.Directory}");
        var files = FindImageFiles(options.Directory);
        if (files.Count == 0)
            throw new InvalidDataException($"The image folder {options.Directory} holds no .png, .jpg or .jpeg files (searched recursively).");

        var fingerprint = ImageFolderCache.Fingerprint(options, files);
        if (cachePath is not null && ImageFolderCache.TryRead(cachePath, fingerprint) is { } cached)
            return cached with { FromCache = true };

        int side = options.ImageSize, channels = options.Channels;
        int imageBytes = side * side * channels;
        var pixels = new List<byte[]>();
        var skipped = new List<SkippedImage>();
        foreach (var file in files)
        {
            var (image, reason) = Decode(file, side, channels);
            if (image is null) skipped.Add(new SkippedImage(file, reason!));
            else pixels.Add(image);
        }
        if (pixels.Count == 0)
            throw new InvalidDataException(
                $"None of the {files.Count} picture files in {options.Directory} could be read: " +
                string.Join("; ", skipped.Take(5).Select(s => $"{s.Path}: {s.Reason}")) + (skipped.Count > 5 ? "; …" : "."));

        var all = new byte[(long)pixels.Count * imageBytes];
        for (int i = 0; i < pixels.Count; i++) Buffer.BlockCopy(pixels[i], 0, all, i * imageBytes, imageBytes);
        var result = new ImageFolderResult(
            new ImageDataset(ImageDataset.FromBytes(all, pixels.Count, channels, side, side), null, $"image folder {options.Directory}"),
            skipped, FromCache: false);
        if (cachePath is not null) ImageFolderCache.Write(cachePath, fingerprint, all, pixels.Count, options, skipped);
        return result;
    }

    /// <summary>One picture as bytes [C, side, side], or null and the reason it could not be read.</summary>
    public static (byte[]? Pixels, string? Reason) Decode(string path, int side, int channels)
    {
        var (decoded, reason) = DecodeWhole(path);
        if (decoded is null) return (null, reason);
        using (decoded)
        {
            // Centre crop to the largest square: (W, H) → (s, s), s = min(W, H).
            int s = Math.Min(decoded.Width, decoded.Height);
            var square = SKRectI.Create((decoded.Width - s) / 2, (decoded.Height - s) / 2, s, s);
            using var cropped = new SKBitmap();
            if (!decoded.ExtractSubset(cropped, square)) return (null, "could not crop the image");
            using var resized = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            if (!cropped.ScalePixels(resized, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)))
                return (null, "could not resize the image");
            return (ToPlanar(resized.GetPixelSpan(), side, channels), null);
        }
    }

    /// <summary>
    /// The size of the picture at <paramref name="path"/> and whether it is grayscale (R = G = B at every pixel, as the PNGs that
    /// <c>gansharp sample</c> writes of a grayscale generator); null when it cannot be read completely.
    /// </summary>
    public static (int Width, int Height, bool Grayscale)? Inspect(string path)
    {
        var (decoded, _) = DecodeWhole(path);
        if (decoded is null) return null;
        using (decoded)
        {
            var rgba = decoded.GetPixelSpan();
            bool gray = true;
            for (int i = 0; i < rgba.Length && gray; i += 4) gray = rgba[i] == rgba[i + 1] && rgba[i + 1] == rgba[i + 2];
            return (decoded.Width, decoded.Height, gray);
        }
    }

    /// <summary>
    /// The whole picture as RGBA, or null and the reason: unreadable, too large (<see cref="MaxPixels"/>), or truncated or corrupt,
    /// which a decoder that fills the missing rows would otherwise let through as a half-grey picture.
    /// </summary>
    private static (SKBitmap? Bitmap, string? Reason) DecodeWhole(string path)
    {
        SKCodec? codec;
        SKCodecResult opened;
        try
        {
            using var probe = File.OpenRead(path);   // reports a missing or unreadable file by name, which SKCodec does not
            codec = SKCodec.Create(path, out opened);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, e.Message);
        }
        if (codec is null)
            return (null, opened == SKCodecResult.IncompleteInput ? "truncated: the file ends inside its header" : "not a readable PNG or JPEG image");
        using (codec)
        {
            int width = codec.Info.Width, height = codec.Info.Height;
            if (width < 1 || height < 1) return (null, "the image has no pixels");
            if ((long)width * height > MaxPixels)
                return (null, string.Create(CultureInfo.InvariantCulture, $"{width}×{height} is more than the {MaxPixels:N0} pixels a picture may have"));
            var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
            if (result == SKCodecResult.Success) return (bitmap, null);
            bitmap.Dispose();
            return (null, result == SKCodecResult.IncompleteInput
                ? "truncated: the file ends before its image data does"
                : $"corrupt image data ({result})");
        }
    }

    /// <summary>Interleaved RGBA [side, side, 4] → planar [C, side, side]; grayscale as Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601).</summary>
    private static byte[] ToPlanar(ReadOnlySpan<byte> rgba, int side, int channels)
    {
        int plane = side * side;
        var result = new byte[plane * channels];
        for (int i = 0; i < plane; i++)
        {
            byte r = rgba[4 * i], g = rgba[4 * i + 1], b = rgba[4 * i + 2];
            if (channels == 1)
            {
                result[i] = (byte)Math.Clamp(Math.Round(0.299 * r + 0.587 * g + 0.114 * b), 0, 255);
            }
            else
            {
                result[i] = r;
                result[plane + i] = g;
                result[2 * plane + i] = b;
            }
        }
        return result;
    }
}
