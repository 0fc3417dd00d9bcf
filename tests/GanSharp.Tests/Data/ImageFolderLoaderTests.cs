using GanSharp.Data;
using SkiaSharp;

namespace GanSharp.Tests.Data;

public sealed class ImageFolderLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gansharp-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Mixed_sizes_are_centre_cropped_and_resized_and_a_corrupt_file_is_skipped_and_reported()
    {
        // 40×20, left quarter black, middle half white, right quarter black: the centre square is all white.
        TestPictures.Write(Path.Combine(_dir, "a", "wide.png"), 40, 20, (x, _) => x is >= 10 and < 30 ? SKColors.White : SKColors.Black);
        TestPictures.Solid(Path.Combine(_dir, "b", "c", "red.jpg"), 16, 48, new SKColor(255, 0, 0));
        File.WriteAllText(Path.Combine(_dir, "broken.png"), "not a png");
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "ignored");

        var result = ImageFolderLoader.Load(new ImageFolderOptions(_dir, 8, 3));

        Assert.Equal(new long[] { 2, 3, 8, 8 }, result.Dataset.Images.shape);
        var skipped = Assert.Single(result.Skipped);
        Assert.EndsWith("broken.png", skipped.Path);
        // Ordinal order: a/wide.png, then b/c/red.jpg.
        var wide = result.Dataset.Images[0];
        Assert.Equal(1.0, wide.min().item<float>(), 2);
        var red = result.Dataset.Images[1].mean(new long[] { 1, 2 }).data<float>().ToArray();
        Assert.True(red[0] > 0.95 && red[1] < -0.9 && red[2] < -0.9, $"red image channels: {string.Join(", ", red)}");
    }

    [Fact]
    public void Grayscale_uses_bt601_luma()
    {
        TestPictures.Solid(Path.Combine(_dir, "g.png"), 4, 4, new SKColor(0, 255, 0));
        var result = ImageFolderLoader.Load(new ImageFolderOptions(_dir, 4, 1));
        Assert.Equal(new long[] { 1, 1, 4, 4 }, result.Dataset.Images.shape);
        Assert.Equal(Math.Round(0.587 * 255) / 127.5 - 1, result.Dataset.Images.mean().item<float>(), 4);
    }

    [Fact]
    public void A_folder_without_pictures_is_an_error_that_names_it()
    {
        File.WriteAllText(Path.Combine(_dir, "readme.txt"), "x");
        var e = Assert.Throws<InvalidDataException>(() => ImageFolderLoader.Load(new ImageFolderOptions(_dir, 8, 1)));
        Assert.Contains("holds no .png, .jpg or .jpeg", e.Message);
        Assert.Contains(_dir, e.Message);
    }

    [Fact]
    public void A_folder_where_no_picture_is_readable_fails_and_lists_the_reasons()
    {
        File.WriteAllText(Path.Combine(_dir, "x.jpg"), "garbage");
        var e = Assert.Throws<InvalidDataException>(() => ImageFolderLoader.Load(new ImageFolderOptions(_dir, 8, 1)));
        Assert.Contains("None of the 1 picture files", e.Message);
        Assert.Contains("x.jpg", e.Message);
    }

    [Fact]
    public void The_cache_is_reused_while_the_folder_is_unchanged_and_rebuilt_when_it_changes()
    {
        var pictures = Path.Combine(_dir, "pics");
        TestPictures.Solid(Path.Combine(pictures, "1.png"), 6, 6, SKColors.White);
        File.WriteAllText(Path.Combine(pictures, "bad.png"), "x");
        var cache = Path.Combine(_dir, "run", "images.cache");
        var options = new ImageFolderOptions(pictures, 4, 1);

        var first = ImageFolderLoader.Load(options, cache);
        var second = ImageFolderLoader.Load(options, cache);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Dataset.Images.data<float>().ToArray(), second.Dataset.Images.data<float>().ToArray());
        Assert.Single(second.Skipped);

        TestPictures.Solid(Path.Combine(pictures, "2.png"), 6, 6, SKColors.Black);
        var third = ImageFolderLoader.Load(options, cache);
        Assert.False(third.FromCache);
        Assert.Equal(2, third.Dataset.Count);
    }

    [Fact]
    public void A_png_cut_in_half_is_skipped_as_truncated_and_the_whole_ones_are_kept()
    {
        for (int i = 0; i < 3; i++)
            TestPictures.Write(Path.Combine(_dir, $"{i}.png"), 32, 32, (x, y) => new SKColor((byte)(8 * x), (byte)(8 * y), (byte)(x * y + i)));
        var cut = Path.Combine(_dir, "1.png");
        var bytes = File.ReadAllBytes(cut);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var result = ImageFolderLoader.Load(new ImageFolderOptions(_dir, 8, 1));

        Assert.Equal(2L, result.Dataset.Count);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(cut, skipped.Path);
        Assert.Contains("truncated", skipped.Reason);
    }

    [Fact]
    public void Inspect_tells_grayscale_pictures_saved_as_rgb_from_colour_ones()
    {
        TestPictures.Solid(Path.Combine(_dir, "gray.png"), 28, 28, new SKColor(90, 90, 90));
        TestPictures.Solid(Path.Combine(_dir, "red.png"), 64, 48, new SKColor(200, 10, 10));

        Assert.Equal((28, 28, true), ImageFolderLoader.Inspect(Path.Combine(_dir, "gray.png")));
        Assert.Equal((64, 48, false), ImageFolderLoader.Inspect(Path.Combine(_dir, "red.png")));
    }
}
