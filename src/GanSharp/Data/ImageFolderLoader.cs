using SkiaSharp;

namespace GanSharp.Data;

/// <summary>
/// Loads a folder of PNG/JPEG pictures (recursively, in ordinal path order) as square training images:
/// decode, centre-crop to the largest square, resize to the target side, convert to grayscale or RGB, scale to [−1, 1].
/// </summary>
public static class ImageFolderLoader
{
    private static readonly string[] Extensions = { ".png", ".jpg", ".jpeg" };

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
        SKBitmap? decoded;
        try
        {
            decoded = SKBitmap.Decode(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, e.Message);
        }
        if (decoded is null) return (null, "not a readable PNG or JPEG image");
        using (decoded)
        {
            if (decoded.Width < 1 || decoded.Height < 1) return (null, "the image has no pixels");
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
